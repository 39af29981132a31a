package org.marquee.kiosk.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.DoorDesk;
import org.marquee.model.AdmissionResult;
import org.marquee.model.AdmissionScan;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.RevokedTicket;
import org.marquee.model.RevokedTickets;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketKeyView;
import org.marquee.model.TicketType;

/**
 * The server's side of the door (DESIGN §9) in memory, shared by several doors: an Ed25519 key that signs tickets,
 * revocations with a cursor, and admissions that let each ticket in once and answer a re-sent scanId the same. A door
 * is {@link #door(String)}; {@link #offline(boolean)} makes every door's calls fail as an unreachable server would.
 */
public final class FakeDoors {

    public static final long SHOWTIME = 42;
    public static final long OTHER_SHOWTIME = 43;
    public static final String KID = "fake-1";

    private final KeyPair key;
    private final Instant startsAt;
    private final List<RevokedTicket> revoked = new ArrayList<>();
    private final Map<Long, AdmissionResult> admitted = new HashMap<>();
    private final Map<String, AdmissionResult> answered = new HashMap<>();
    private volatile boolean offline;
    private int uploads;

    public FakeDoors(Instant startsAt) {
        this.startsAt = startsAt;
        try {
            this.key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A genuine token for ticket {@code id}, seat {@code seat}, of showtime {@code showtime}. */
    public String ticket(long id, String seat, long showtime) {
        return SignedTicketToken.sign(
                new SignedTicketToken.Claims(id, "K7QXPA", showtime, seat, TicketType.ADULT, startsAt),
                KID,
                key.getPrivate());
    }

    public synchronized void revoke(long ticketId, String seat, String reason) {
        revoked.add(new RevokedTicket(ticketId, SHOWTIME, seat, reason));
    }

    public void offline(boolean unreachable) {
        this.offline = unreachable;
    }

    public synchronized int uploads() {
        return uploads;
    }

    public DoorDesk door(String name) {
        return new DoorDesk() {
            @Override
            public List<TicketKeyView> ticketKeys() {
                reachable();
                return List.of(new TicketKeyView(
                        KID,
                        "Ed25519",
                        Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                        startsAt.minusSeconds(86_400),
                        null));
            }

            @Override
            public RevokedTickets revokedSince(String cursor) {
                reachable();
                synchronized (FakeDoors.this) {
                    List<RevokedTicket> since = revoked.subList(Integer.parseInt(cursor), revoked.size());
                    return new RevokedTickets(
                            Integer.toString(revoked.size()),
                            since.stream().map(RevokedTicket::ticketId).toList(),
                            List.copyOf(since));
                }
            }

            @Override
            public List<AdmissionResult> admit(List<AdmissionScan> scans) {
                reachable();
                List<AdmissionResult> results = new ArrayList<>();
                synchronized (FakeDoors.this) {
                    uploads++;
                    for (AdmissionScan scan : scans) {
                        results.add(answered.computeIfAbsent(name + "/" + scan.scanId(), k -> decide(scan, name)));
                    }
                }
                return results;
            }

            @Override
            public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
                reachable();
                return List.of(
                        listing(SHOWTIME, "Sala 1", "Dune: Part Three", startsAt, 300, 120),
                        listing(
                                OTHER_SHOWTIME,
                                "Sala 2",
                                "Paddington in Peru",
                                startsAt.plusSeconds(3 * 3600),
                                180,
                                40));
            }
        };
    }

    private AdmissionResult decide(AdmissionScan scan, String door) {
        var claims = SignedTicketToken.verify(
                scan.ticketToken(),
                kid -> kid.equals(KID) ? java.util.Optional.of(key.getPublic()) : java.util.Optional.empty());
        if (claims.isEmpty()) {
            return new AdmissionResult(scan.scanId(), AdmissionVerdict.INVALID, null, null, null, null, null);
        }
        var c = claims.get();
        if (revoked.stream().anyMatch(r -> r.ticketId() == c.ticketId())) {
            return new AdmissionResult(
                    scan.scanId(), AdmissionVerdict.REVOKED, c.ticketId(), c.seatId(), c.showtimeId(), null, null);
        }
        AdmissionResult first = admitted.get(c.ticketId());
        if (first != null) {
            return new AdmissionResult(
                    scan.scanId(),
                    AdmissionVerdict.ALREADY_ADMITTED,
                    c.ticketId(),
                    c.seatId(),
                    c.showtimeId(),
                    first.admittedAt(),
                    first.admittedBy());
        }
        AdmissionResult result = new AdmissionResult(
                scan.scanId(),
                AdmissionVerdict.ADMITTED,
                c.ticketId(),
                c.seatId(),
                c.showtimeId(),
                scan.scannedAt(),
                door);
        admitted.put(c.ticketId(), result);
        return result;
    }

    private void reachable() {
        if (offline) {
            throw ApiProblem.unreachable("The box-office server cannot be reached.");
        }
    }

    private static ShowtimeListing listing(long id, String hall, String title, Instant at, int total, int sold) {
        return new ShowtimeListing(
                id,
                new ShowtimeListing.MovieRef(id, title, 120, "PG-13"),
                new ShowtimeListing.AuditoriumRef(id, hall),
                at,
                "2D",
                ShowtimeStatus.ON_SALE,
                total - sold,
                total);
    }
}
