package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marquee.kiosk.client.LiveHoldAdmin;
import org.marquee.model.ErrorCode;
import org.marquee.model.LiveHold;

/**
 * Live holds as {@code GET /admin/holds} and {@code DELETE /admin/holds/{id}?reason=} answer (DESIGN §7.3): only
 * holds not yet expired, released or paid, per theater or all, oldest first; a force release needs a reason (422
 * naming {@code reason}, at most 500 characters), an unknown hold is 404, one no longer live 409
 * {@code HOLD_NOT_ACTIVE}; a release is written to the audit trail with its reason.
 */
public final class FakeLiveHolds implements LiveHoldAdmin {

    private record Held(long theaterId, LiveHold hold) {}

    private final Clock clock;
    private final FakeAuditTrail audit;
    private final List<Held> holds = new ArrayList<>();
    private final List<UUID> ended = new ArrayList<>();
    private int reads;

    public FakeLiveHolds(Clock clock, FakeAuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** A hold that {@code terminal} made {@code minutesAgo}, expiring {@code minutesLeft} from now. */
    public synchronized LiveHold add(
            long theaterId,
            long terminalId,
            String terminal,
            String movie,
            Instant startsAt,
            List<String> seatIds,
            Duration ago,
            Duration left) {
        Instant now = clock.instant();
        LiveHold hold = new LiveHold(
                UUID.randomUUID(),
                new LiveHold.TerminalRef(terminalId, terminal),
                100 + holds.size(),
                movie,
                startsAt,
                List.copyOf(seatIds),
                now.minus(ago),
                now.plus(left));
        holds.add(new Held(theaterId, hold));
        return hold;
    }

    /** Its owner paid or let it go: no longer live. */
    public synchronized void end(UUID holdId) {
        ended.add(holdId);
    }

    /** How often the list was read. */
    public synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized List<LiveHold> liveHolds(Long theaterId) {
        reads++;
        return holds.stream()
                .filter(held -> theaterId == null || held.theaterId() == theaterId)
                .map(Held::hold)
                .filter(this::live)
                .sorted(Comparator.comparing(LiveHold::createdAt))
                .toList();
    }

    @Override
    public synchronized void forceRelease(UUID holdId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refusals.invalid("reason", "Say why the hold is released: 'reason' is needed, for the audit log.");
        }
        if (why.length() > 500) {
            throw Refusals.invalid("reason", "'reason' is at most 500 characters.");
        }
        LiveHold hold = holds.stream()
                .map(Held::hold)
                .filter(candidate -> candidate.holdId().equals(holdId))
                .findFirst()
                .orElseThrow(() -> Refusals.notFound("Hold " + holdId));
        if (!live(hold)) {
            throw Refusals.refused(
                    409,
                    ErrorCode.HOLD_NOT_ACTIVE,
                    "This hold is no longer live (it expired, was released or was paid for); nothing to release.",
                    Map.of());
        }
        ended.add(holdId);
        audit.record(
                "HOLD_FORCE_RELEASED",
                "HOLD",
                holdId,
                Map.of(
                        "reason", why,
                        "terminalName", hold.terminal().name(),
                        "showtimeId", hold.showtimeId(),
                        "seatIds", hold.seatIds()));
    }

    private boolean live(LiveHold hold) {
        return !ended.contains(hold.holdId()) && hold.expiresAt().isAfter(clock.instant());
    }
}
