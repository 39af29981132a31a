package org.marquee.kiosk.scanner;

import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketToken;

/**
 * The door's verdict without the server (DESIGN §9): the token's Ed25519 signature against the cached public keys,
 * the cached revoked tickets, and the tickets this door has let in. Not thread-safe: one door, one thread. Lookups are
 * hash maps, so a verdict costs one signature check whatever the size of the revoked list.
 */
public final class DoorCheck {

    /** A ticket let in before: when, and by which door. */
    public record Admission(Instant at, String door, String seatId) {}

    private final Map<String, PublicKey> keys = new HashMap<>();
    private final Map<Long, String> revoked = new HashMap<>();
    private final Map<Long, Admission> admitted = new HashMap<>();

    /** Uses these keys from now on (those the server published; retired ones included while they are valid). */
    public void keys(Map<String, PublicKey> publicKeys) {
        keys.clear();
        keys.putAll(publicKeys);
    }

    public void revoke(long ticketId, String reason) {
        revoked.put(ticketId, reason);
    }

    public void admitted(long ticketId, Admission admission) {
        admitted.putIfAbsent(ticketId, admission);
    }

    public int keyCount() {
        return keys.size();
    }

    public int revokedCount() {
        return revoked.size();
    }

    /**
     * The verdict for {@code token} at a door admitting {@code showtimeId} (null: any), at {@code now}; an ADMITTED
     * verdict is remembered, so the same ticket scanned again here is ALREADY_ADMITTED.
     */
    public DoorVerdict check(String token, Long showtimeId, Instant now, String door) {
        String text = token == null ? "" : token.strip();
        if (text.startsWith(TicketToken.PREFIX)) {
            // the HMAC key never leaves the server: such a ticket is reprinted (as MQT2) at the box office
            return refused(AdmissionVerdict.INVALID, DoorVerdict.Why.OLD_FORMAT);
        }
        Optional<SignedTicketToken.Parts> parts = SignedTicketToken.parse(text);
        if (parts.isEmpty()) {
            return refused(AdmissionVerdict.INVALID, DoorVerdict.Why.NOT_A_TICKET);
        }
        PublicKey key = keys.get(parts.get().kid());
        if (key == null) {
            return refused(AdmissionVerdict.INVALID, DoorVerdict.Why.UNKNOWN_KEY);
        }
        if (!SignedTicketToken.signatureHolds(parts.get(), key)) {
            return refused(AdmissionVerdict.INVALID, DoorVerdict.Why.NOT_A_TICKET);
        }
        SignedTicketToken.Claims claims = parts.get().claims();
        long ticketId = claims.ticketId();
        String reason = revoked.get(ticketId);
        if (reason != null) {
            DoorVerdict.Why why = switch (reason) {
                case "REFUNDED" -> DoorVerdict.Why.REFUNDED;
                case "SHOWTIME_CANCELLED" -> DoorVerdict.Why.SHOWTIME_CANCELLED;
                default -> DoorVerdict.Why.ORDER_CANCELLED;
            };
            return ticket(AdmissionVerdict.REVOKED, why, claims, null);
        }
        if (showtimeId != null && showtimeId != claims.showtimeId()) {
            return ticket(AdmissionVerdict.WRONG_SHOWTIME, DoorVerdict.Why.OTHER_SHOWTIME, claims, null);
        }
        if (now.isAfter(claims.startsAt().plus(SignedTicketToken.VALID_AFTER_START))) {
            return ticket(AdmissionVerdict.INVALID, DoorVerdict.Why.EXPIRED, claims, null);
        }
        Admission before = admitted.get(ticketId);
        if (before != null) {
            return ticket(AdmissionVerdict.ALREADY_ADMITTED, DoorVerdict.Why.ALREADY_ADMITTED, claims, before);
        }
        Admission now_ = new Admission(now, door, claims.seatId());
        admitted.put(ticketId, now_);
        return ticket(AdmissionVerdict.ADMITTED, DoorVerdict.Why.NONE, claims, now_);
    }

    private static DoorVerdict refused(AdmissionVerdict result, DoorVerdict.Why why) {
        return new DoorVerdict(result, why, null, null, null, null, null);
    }

    private static DoorVerdict ticket(
            AdmissionVerdict result, DoorVerdict.Why why, SignedTicketToken.Claims claims, Admission admission) {
        return new DoorVerdict(
                result,
                why,
                claims.ticketId(),
                claims.seatId(),
                claims.showtimeId(),
                admission == null ? null : admission.at(),
                admission == null ? null : admission.door());
    }
}
