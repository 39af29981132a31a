package org.marquee.server.admissions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marquee.model.AdmissionResult;
import org.marquee.model.AdmissionScan;
import org.marquee.model.RevokedTickets;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketToken;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.ticketkeys.TicketKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Door scans (DESIGN §9): checks each token's signature (MQT2 against the ticket keys; an old MQT1 against the HMAC
 * key it was made with, until it expires), then records the scan, admitting a ticket at most once.
 */
public final class AdmissionService {

    private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);

    /**
     * A batch larger than this is refused: a door's queue after a long time offline is uploaded in parts. 200 scans
     * of about 300 bytes stay inside the API's 64 KiB request limit.
     */
    public static final int MAX_SCANS = 200;

    static final int MAX_SCAN_ID_LENGTH = 64;

    private final AdmissionRepository repository;
    private final TicketKeys keys;
    private final byte[] legacyKey;
    private final Clock clock;

    /** {@code legacyKey} is the HMAC key of the MQT1 tokens sold before Ed25519; null when there never were any. */
    public AdmissionService(AdmissionRepository repository, TicketKeys keys, byte[] legacyKey, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.legacyKey = legacyKey == null ? null : legacyKey.clone();
        this.clock = clock;
    }

    /** One result per scan, in order; refuses the whole batch (nothing recorded) when a scan is not well formed. */
    public List<AdmissionResult> admit(Principal door, List<AdmissionScan> scans) {
        if (scans == null || scans.isEmpty()) {
            throw MarqueeException.invalid("'scans' needs at least one scan.");
        }
        if (scans.size() > MAX_SCANS) {
            throw MarqueeException.invalid("At most " + MAX_SCANS + " scans go in one request; send the rest after.");
        }
        for (int i = 0; i < scans.size(); i++) {
            check(scans.get(i), scans.size() == 1 ? "" : "scans[" + i + "].");
        }
        List<AdmissionResult> results = new ArrayList<>(scans.size());
        for (AdmissionScan scan : scans) {
            AdmissionResult result = admitOne(door, scan);
            log.info(
                    "event=admission_scan door={} scan={} result={} ticket={}",
                    door.logName(),
                    scan.scanId(),
                    result.result(),
                    result.ticketId());
            results.add(result);
        }
        return results;
    }

    /** Tickets revoked since the cursor: what a door caches to refuse them offline. */
    public RevokedTickets revokedSince(long cursor) {
        return repository.revokedSince(cursor);
    }

    private AdmissionResult admitOne(Principal door, AdmissionScan scan) {
        Instant now = clock.instant();
        Instant scannedAt = scan.scannedAt() == null || scan.scannedAt().isAfter(now) ? now : scan.scannedAt();
        GenuineTicket ticket = genuine(scan.ticketToken()).orElse(null);
        DoorScan doorScan = new DoorScan(door.terminalId(), scan.scanId(), scannedAt, scan.showtimeId(), ticket);
        return repository.record(doorScan, facts -> decide(doorScan, facts, now));
    }

    /** The verdict for a genuine token's ticket as the database knows it; a refund outweighs everything else. */
    static AdmissionRepository.Decision decide(DoorScan scan, TicketFacts facts, Instant now) {
        GenuineTicket claimed = scan.ticket();
        if (facts == null
                || claimed == null
                || !facts.orderCode().equals(claimed.orderCode())
                || facts.showtimeId() != claimed.showtimeId()
                || !facts.seatId().equals(claimed.seatId())) {
            return AdmissionRepository.Decision.INVALID;
        }
        if (facts.orderStatus().equals("REFUNDED")
                || facts.orderStatus().equals("CANCELLED")
                || facts.showtimeStatus().equals("CANCELLED")) {
            return AdmissionRepository.Decision.REVOKED;
        }
        if (!facts.orderStatus().equals("PAID")) {
            return AdmissionRepository.Decision.INVALID;
        }
        if (scan.doorShowtimeId() != null && scan.doorShowtimeId() != facts.showtimeId()) {
            return AdmissionRepository.Decision.WRONG_SHOWTIME;
        }
        if (now.isAfter(facts.startsAt().plus(SignedTicketToken.VALID_AFTER_START))) {
            return AdmissionRepository.Decision.INVALID;
        }
        return AdmissionRepository.Decision.ADMIT;
    }

    private Optional<GenuineTicket> genuine(String token) {
        if (token != null && token.startsWith(SignedTicketToken.PREFIX)) {
            return SignedTicketToken.verify(token, keys::verifying)
                    .map(c -> new GenuineTicket(c.ticketId(), c.orderCode(), c.showtimeId(), c.seatId(), c.startsAt()));
        }
        if (legacyKey != null && token != null && token.startsWith(TicketToken.PREFIX)) {
            return TicketToken.verify(token, legacyKey)
                    .map(c -> new GenuineTicket(0, c.orderCode(), c.showtimeId(), c.seatId(), c.startsAt()));
        }
        return Optional.empty();
    }

    private static void check(AdmissionScan scan, String where) {
        if (scan == null) {
            throw MarqueeException.invalid("A scan is an object with ticketToken, scannedAt and scanId.");
        }
        if (scan.scanId() == null || scan.scanId().isBlank()) {
            throw MarqueeException.invalid("'" + where + "scanId' is needed: it makes a re-sent scan answer the same.");
        }
        if (scan.scanId().length() > MAX_SCAN_ID_LENGTH
                || !scan.scanId().chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw MarqueeException.invalid(
                    "'" + where + "scanId' is 1 to " + MAX_SCAN_ID_LENGTH + " visible ASCII characters.");
        }
        if (scan.ticketToken() == null) {
            throw MarqueeException.invalid("'" + where + "ticketToken' is needed: the text the scanner read.");
        }
        if (scan.showtimeId() != null && scan.showtimeId() <= 0) {
            throw MarqueeException.invalid("'" + where + "showtimeId' is a showtime's id, a positive number.");
        }
    }
}
