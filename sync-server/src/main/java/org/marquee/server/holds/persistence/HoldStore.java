package org.marquee.server.holds.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.db.Transactions;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldResult;

/**
 * Holds and their seat claims in PostgreSQL. Every change is one transaction, and the seats of a showtime are taken
 * and freed by one statement ({@link SeatClaims#claim}); the transaction is rolled back unless every requested seat
 * came back. The SQL is in {@link HoldRows} and {@link SeatClaims}.
 */
public final class HoldStore {

    private static final String ONE_ACTIVE_PER_TERMINAL = "holds_one_active_per_terminal";

    private final Jdbi jdbi;

    public HoldStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Releases the terminal's active hold, if any, and holds {@code seats}: all of them or, rolled back, none. Seats
     * that someone else holds or has bought are refused by a read first, with no lock and no write: under contention
     * most answers are refusals, and a refusal read from committed rows is true at the moment it was read. Only a
     * request that may succeed goes on to the transaction, whose conditional insert alone grants seats.
     */
    public HoldResult create(long terminalId, long showtimeId, List<String> seats, Duration ttl, Duration maxTotal) {
        List<String> busy = takenByOthers(showtimeId, seats, terminalId);
        if (!busy.isEmpty()) {
            return new HoldResult.Taken(busy);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Transactions.retrying(jdbi, handle -> {
                    Optional<HoldRecord> previous = endActive(handle, terminalId);
                    HoldRecord hold = handle.attach(HoldRows.class)
                            .insert(
                                    UUID.randomUUID(),
                                    showtimeId,
                                    terminalId,
                                    seats.toArray(String[]::new),
                                    seconds(ttl),
                                    seconds(maxTotal));
                    if (previous.isEmpty()) {
                        claim(handle, hold, seats, List.of(), null);
                    } else if (previous.get().showtimeId() == showtimeId) {
                        claim(
                                handle,
                                hold,
                                seats,
                                previous.get().seatIds(),
                                previous.get().id());
                    } else if (previous.get().showtimeId() < showtimeId) {
                        // two showtimes: visit them in id order, as every other transaction does
                        free(handle, previous.get());
                        claim(handle, hold, seats, List.of(), null);
                    } else {
                        claim(handle, hold, seats, List.of(), null);
                        free(handle, previous.get());
                    }
                    return new HoldResult.Granted(
                            hold,
                            previous.filter(p -> p.showtimeId() != showtimeId)
                                    .map(p -> OptionalLong.of(p.showtimeId()))
                                    .orElse(OptionalLong.empty()));
                });
            } catch (SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds);
            } catch (RuntimeException e) {
                // the terminal lock makes this rare: another instance on an older schema, say. Go again once.
                if (!Transactions.isUniqueViolation(e, ONE_ACTIVE_PER_TERMINAL)) {
                    throw e;
                }
                if (attempt >= 3) {
                    throw new MarqueeException(
                            ErrorCode.CONFLICT, "This terminal is already changing its hold. Please try again.");
                }
            }
        }
    }

    /** The seats among {@code seats} that are sold, or held unexpired by another terminal's hold, right now. */
    private List<String> takenByOthers(long showtimeId, List<String> seats, long terminalId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.attach(SeatClaims.class)
                        .takenByOthers(showtimeId, seats.toArray(String[]::new), terminalId));
    }

    public Optional<HoldRecord> find(UUID holdId) {
        return Transactions.reading(
                jdbi, handle -> handle.attach(HoldRows.class).find(holdId));
    }

    /** Replaces the seats of an active hold, all or nothing; the expiry stays as it was. */
    public HoldResult changeSeats(UUID holdId, List<String> seats) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                claim(handle, hold, seats, hold.seatIds(), hold.id());
                HoldRecord changed = handle.attach(HoldRows.class).setSeats(seats.toArray(String[]::new), holdId);
                return new HoldResult.Granted(changed);
            });
        } catch (SeatsTaken taken) {
            return new HoldResult.Taken(taken.seatIds);
        }
    }

    /** Moves the expiry of an active hold to now + ttl, never past its max_expires_at. */
    public HoldResult extend(UUID holdId, Duration ttl) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                HoldRecord extended = handle.attach(HoldRows.class).extend(seconds(ttl), holdId);
                int moved = handle.attach(SeatClaims.class)
                        .moveExpiry(
                                extended.expiresAt().atOffset(ZoneOffset.UTC),
                                hold.showtimeId(),
                                hold.seatIds().toArray(String[]::new),
                                holdId);
                if (moved != hold.seatIds().size()) {
                    // its seats were taken over the instant it expired: the hold is gone, keep nothing of this
                    throw new Lapsed(hold);
                }
                return new HoldResult.Granted(extended);
            });
        } catch (Lapsed lapsed) {
            return new HoldResult.Lapsed(lapsed.hold);
        }
    }

    /** Ends an active hold and frees its seats; a hold that already ended is left as it is. */
    public HoldRecord release(UUID holdId) {
        return Transactions.retrying(jdbi, handle -> {
            HoldRecord hold = lockForUpdate(handle, holdId);
            if (hold.storedStatus() != HoldStatus.ACTIVE) {
                return hold;
            }
            free(handle, hold);
            return markEnded(handle, hold);
        });
    }

    /**
     * Marks up to {@code limit} expired holds EXPIRED and frees their seats; says how many it marked and which
     * showtimes' seat maps changed. Rows another transaction is busy with are skipped, never waited for: they are being
     * taken over or extended.
     */
    public SeatClaims.Swept sweepShowtimes(int limit) {
        return Transactions.retrying(
                jdbi, handle -> handle.attach(SeatClaims.class).sweep(limit));
    }

    /**
     * Ends the terminal's active hold, if it has one, leaving its seats for the caller to free or take over. Locks the
     * terminal's row first, so that requests of one terminal change its hold one after the other.
     */
    private static Optional<HoldRecord> endActive(Handle handle, long terminalId) {
        HoldRows holds = handle.attach(HoldRows.class);
        holds.lockTerminal(terminalId);
        return holds.lockActive(terminalId).map(hold -> markEnded(handle, hold));
    }

    private static HoldRecord markEnded(Handle handle, HoldRecord hold) {
        return handle.attach(HoldRows.class).markEnded(hold.id());
    }

    private static void free(Handle handle, HoldRecord hold) {
        apply(handle, hold.showtimeId(), null, null, List.of(), hold.seatIds(), hold.id());
    }

    private static HoldRecord lockForUpdate(Handle handle, UUID holdId) {
        return handle.attach(HoldRows.class).lock(holdId);
    }

    /** Gives {@code hold} exactly {@code seats}, freeing those of {@code released} it no longer has; or rolls back. */
    private static void claim(
            Handle handle, HoldRecord hold, List<String> seats, List<String> released, UUID releasedHold) {
        List<String> taken =
                apply(handle, hold.showtimeId(), hold.id(), hold.expiresAt(), seats, released, releasedHold);
        if (!taken.isEmpty()) {
            throw new SeatsTaken(taken);
        }
    }

    /** Runs {@link SeatClaims#claim}; returns the seats of {@code take} that could not be taken. */
    private static List<String> apply(
            Handle handle,
            long showtimeId,
            UUID holdId,
            Instant expiresAt,
            List<String> take,
            List<String> free,
            UUID releasing) {
        TreeMap<String, Boolean> rows = new TreeMap<>();
        free.forEach(seat -> rows.put(seat, false));
        take.forEach(seat -> rows.put(seat, true));
        Set<String> held = new HashSet<>();
        handle
                .attach(SeatClaims.class)
                .claim(
                        showtimeId,
                        holdId,
                        expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC),
                        releasing,
                        rows.keySet().toArray(String[]::new),
                        rows.values().toArray(Boolean[]::new))
                .stream()
                .filter(seat -> seat.state().equals("HELD"))
                .map(SeatClaims.ClaimedSeat::seatId)
                .forEach(held::add);
        return take.stream().filter(seat -> !held.contains(seat)).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Rolls the transaction back when some seats could not be taken; cheap, as it carries no stack trace. */
    private static final class SeatsTaken extends RuntimeException {
        private final transient List<String> seatIds;

        SeatsTaken(List<String> seatIds) {
            super("seats taken", null, false, false);
            this.seatIds = seatIds;
        }
    }

    /** Rolls back an extension whose seats were taken over in the instant the hold expired. */
    private static final class Lapsed extends RuntimeException {
        private final transient HoldRecord hold;

        Lapsed(HoldRecord hold) {
            super("hold lapsed", null, false, false);
            this.hold = hold;
        }
    }
}
