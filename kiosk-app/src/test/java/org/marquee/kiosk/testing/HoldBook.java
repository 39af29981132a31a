package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.refused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.SeatStatus;

/**
 * The fake box office's holds: one active hold per terminal, refusing a taken seat, extended up to a cap, expiring on
 * the clock. Not thread-safe by itself: every call is made holding the {@link FakeBoxOffice}'s lock.
 */
final class HoldBook {

    static final class Hold {
        final UUID id = UUID.randomUUID();
        final long showtimeId;
        final Object owner;
        final Instant createdAt;
        final Instant maxExpiresAt;
        List<String> seatIds;
        boolean accessible;
        HoldStatus status = HoldStatus.ACTIVE;
        Instant expiresAt;

        Hold(long showtimeId, Object owner, List<String> seatIds, Instant now, Duration ttl, Duration cap) {
            this.showtimeId = showtimeId;
            this.owner = owner;
            this.seatIds = List.copyOf(seatIds);
            this.createdAt = now;
            this.expiresAt = now.plus(ttl);
            this.maxExpiresAt = now.plus(cap);
        }
    }

    private final Clock clock;
    private final Duration holdTtl;
    private final Duration holdCap;
    private final ShowtimeSeats seats;
    private final Map<UUID, Hold> holds = new HashMap<>();

    HoldBook(Clock clock, Duration holdTtl, Duration holdCap, ShowtimeSeats seats) {
        this.clock = clock;
        this.holdTtl = holdTtl;
        this.holdCap = holdCap;
        this.seats = seats;
    }

    /** Holds {@code seatIds} for {@code owner}, releasing the hold it had before. */
    HoldView hold(Object owner, long showtimeId, List<String> seatIds) {
        return hold(owner, showtimeId, seatIds, false);
    }

    /** Holds {@code seatIds} for {@code owner}, accessible or not (DESIGN §8), releasing the hold it had before. */
    HoldView hold(Object owner, long showtimeId, List<String> seatIds, boolean accessible) {
        expire();
        ShowtimeSeats.Showtime showtime = seats.showtime(showtimeId);
        seats.checkRules(showtime, seatIds, accessible);
        holds.values().stream()
                .filter(h -> h.owner == owner && h.status == HoldStatus.ACTIVE)
                .toList()
                .forEach(h -> end(h, HoldStatus.RELEASED));
        seats.claim(showtime, seatIds, List.of());
        Hold hold = new Hold(showtimeId, owner, seatIds, clock.instant(), holdTtl, holdCap);
        hold.accessible = accessible;
        holds.put(hold.id, hold);
        return view(hold);
    }

    /** Holds the best {@code count} seats for {@code owner} (DESIGN §8, best available). */
    HoldView holdBest(Object owner, long showtimeId, int count, boolean accessible) {
        expire();
        holds.values().stream()
                .filter(h -> h.owner == owner && h.status == HoldStatus.ACTIVE)
                .toList()
                .forEach(h -> end(h, HoldStatus.RELEASED));
        List<String> best = BestBlock.choose(seats.showtime(showtimeId).seats(), count, accessible);
        return hold(owner, showtimeId, best, accessible);
    }

    HoldView changeSeats(UUID holdId, List<String> seatIds) {
        Hold hold = active(holdId);
        ShowtimeSeats.Showtime showtime = seats.showtime(hold.showtimeId);
        seats.checkRules(
                showtime,
                seatIds.stream().filter(seat -> !hold.seatIds.contains(seat)).toList(),
                hold.accessible);
        seats.claim(showtime, seatIds, hold.seatIds);
        hold.seatIds.stream()
                .filter(seat -> !seatIds.contains(seat))
                .forEach(seat -> seats.mark(showtime, seat, SeatStatus.AVAILABLE));
        hold.seatIds = List.copyOf(seatIds);
        return view(hold);
    }

    HoldView extend(UUID holdId) {
        Hold hold = active(holdId);
        Instant later = clock.instant().plus(holdTtl);
        hold.expiresAt = later.isAfter(hold.maxExpiresAt) ? hold.maxExpiresAt : later;
        return view(hold);
    }

    void release(UUID holdId) {
        expire();
        Hold hold = holds.get(holdId);
        if (hold != null && hold.status == HoldStatus.ACTIVE) {
            end(hold, HoldStatus.RELEASED);
        }
    }

    /** The hold if it is still active, else the server's refusal saying why not. */
    Hold active(UUID holdId) {
        expire();
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw refused(404, ErrorCode.NOT_FOUND, "No hold has this id.", Map.of());
        }
        return switch (hold.status) {
            case ACTIVE -> hold;
            case EXPIRED ->
                throw refused(
                        409,
                        ErrorCode.HOLD_EXPIRED,
                        "This hold has expired and its seats were released. Please choose seats again.",
                        Map.of());
            case CONFIRMED ->
                throw refused(
                        409,
                        ErrorCode.HOLD_NOT_ACTIVE,
                        "These seats have already been paid for; the hold cannot change any more.",
                        Map.of());
            case RELEASED ->
                throw refused(
                        409, ErrorCode.HOLD_NOT_ACTIVE, "This hold was released. Please choose seats again.", Map.of());
        };
    }

    /** Ends every active hold whose time is up, freeing its seats. */
    void expire() {
        Instant now = clock.instant();
        holds.values().stream()
                .filter(h -> h.status == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt))
                .toList()
                .forEach(h -> end(h, HoldStatus.EXPIRED));
    }

    /** Ends a hold: its seats are free again unless it was confirmed. */
    void end(Hold hold, HoldStatus status) {
        hold.status = status;
        if (status != HoldStatus.CONFIRMED) {
            hold.seatIds.forEach(seat -> seats.mark(seats.showtime(hold.showtimeId), seat, SeatStatus.AVAILABLE));
        }
    }

    /** Confirms a paid hold: its seats are sold. */
    void sell(Hold hold) {
        end(hold, HoldStatus.CONFIRMED);
        hold.seatIds.forEach(seat -> seats.mark(seats.showtime(hold.showtimeId), seat, SeatStatus.SOLD));
    }

    HoldView view(Hold hold) {
        return new HoldView(
                hold.id,
                hold.showtimeId,
                hold.seatIds,
                hold.status,
                hold.createdAt,
                hold.expiresAt,
                hold.maxExpiresAt,
                clock.instant());
    }
}
