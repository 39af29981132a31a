package org.marquee.server.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.db.Transactions;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.SeatChoice;

/**
 * Holds and their seat claims in PostgreSQL. Every change is one transaction, and the seats of a showtime are taken
 * and freed by one statement ({@link #CLAIM}); the transaction is rolled back unless every requested seat came back.
 */
public final class HoldStore {

    private static final String HOLD_COLUMNS =
            "id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, now() as server_time";

    /**
     * Takes and frees seats of one showtime in one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}. Rows are visited
     * in the order of the sorted array, the same order in every transaction, so two requests never lock each other's
     * seats crosswise (a deadlock costs a second before PostgreSQL notices it). A seat is taken only when it is free,
     * an expired hold, already this hold's, or held by the caller's hold that this statement releases; a seat is freed
     * only if the released hold still has it.
     */
    private static final String CLAIM = """
            insert into seat_claims as c (showtime_id, seat_id, state, hold_id, expires_at, version)
            select :showtime, s.seat,
                   case when s.take then 'HELD' else 'FREE' end,
                   case when s.take then cast(:hold as uuid) end,
                   case when s.take then cast(:expiresAt as timestamptz) end,
                   nextval('seat_claim_version')
              from unnest(cast(:seats as text[]), cast(:take as boolean[])) as s (seat, take)
            on conflict (showtime_id, seat_id) do update
               set state = excluded.state, hold_id = excluded.hold_id, expires_at = excluded.expires_at,
                   version = excluded.version
             where (excluded.state = 'HELD'
                    and (c.state = 'FREE'
                         or (c.state = 'HELD' and (c.expires_at <= now()
                                                   or c.hold_id = cast(:hold as uuid)
                                                   or c.hold_id = cast(:releasing as uuid)))))
                or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = cast(:releasing as uuid))
            returning c.seat_id, c.state""";

    private static final String ONE_ACTIVE_PER_TERMINAL = "holds_one_active_per_terminal";

    /** How often a best-available choice is made again after losing its seats to another request. */
    private static final int CHOICE_ATTEMPTS = 30;

    private final Jdbi jdbi;

    public HoldStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Releases the terminal's active hold, if any, and holds the seats {@code choice} decides: all of them or, rolled
     * back, none. Asked seats are first checked against committed rows, with no lock and no write: under contention
     * most answers are refusals, and a refusal read from committed rows is true at the moment it was read. Only a
     * request that may succeed goes on to the transaction, where the choice decides again on what it sees after its
     * locks, and the conditional insert alone grants seats. A choice that picks seats itself (best available) chooses
     * again when it loses a race.
     */
    public HoldResult create(
            long terminalId, long showtimeId, SeatChoice choice, boolean accessible, Duration ttl, Duration maxTotal) {
        if (!choice.choosesSeats()) {
            ClaimsSeen committed = ClaimsSeen.committed(jdbi, showtimeId, terminalId);
            try {
                choice.decide(committed);
            } catch (SeatChoice.SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds(), committed.lastWhole());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Transactions.retrying(jdbi, handle -> {
                    Optional<HoldRecord> previous = endActive(handle, terminalId);
                    List<String> seats = choice.decide(ClaimsSeen.deciding(handle, showtimeId, terminalId));
                    HoldRecord hold = insert(handle, terminalId, showtimeId, seats, accessible, ttl, maxTotal);
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
                if (!choice.choosesSeats()) {
                    return new HoldResult.Taken(taken.seatIds);
                }
                lostRace(attempt);
            } catch (SeatChoice.SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds());
            } catch (SeatChoice.LostRace lost) {
                lostRace(attempt);
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

    /** A best-available choice lost its seats to another request: choose again, or give up after a few tries. */
    private static void lostRace(int attempt) {
        if (attempt >= CHOICE_ATTEMPTS) {
            throw new MarqueeException(
                    ErrorCode.SEATS_UNAVAILABLE,
                    "The best seats were taken by others just now. Please try again.",
                    java.util.Map.of("seatIds", List.of()));
        }
        if (attempt > 2) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4 * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarqueeException(ErrorCode.SERVICE_UNAVAILABLE, "The server is shutting down.");
            }
        }
    }

    private static HoldRecord insert(
            Handle handle,
            long terminalId,
            long showtimeId,
            List<String> seats,
            boolean accessible,
            Duration ttl,
            Duration maxTotal) {
        return handle.createQuery("insert into holds (id, showtime_id, terminal_id, status,"
                        + " seat_ids, created_at, expires_at, max_expires_at, accessible)"
                        + " values (:id, :showtime, :terminal, 'ACTIVE', cast(:seats as text[]), now(),"
                        + " now() + make_interval(secs => :ttl), now() + make_interval(secs => :max), :accessible)"
                        + " returning " + HOLD_COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("showtime", showtimeId)
                .bind("terminal", terminalId)
                .bind("seats", seats.toArray(String[]::new))
                .bind("ttl", seconds(ttl))
                .bind("max", seconds(maxTotal))
                .bind("accessible", accessible)
                .map((rs, ctx) -> hold(rs))
                .one();
    }

    /** Whether the hold was made for accessible seats; false for an unknown hold. */
    public boolean accessible(UUID holdId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select accessible from holds where id = :id")
                        .bind("id", holdId)
                        .mapTo(Boolean.class)
                        .findOne()
                        .orElse(false));
    }

    public Optional<HoldRecord> find(UUID holdId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + HOLD_COLUMNS + " from holds where id = :id")
                        .bind("id", holdId)
                        .map((rs, ctx) -> hold(rs))
                        .findOne());
    }

    /** Replaces the seats of an active hold, all or nothing; the expiry stays as it was. */
    public HoldResult changeSeats(UUID holdId, SeatChoice choice) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                List<String> seats = choice.decide(ClaimsSeen.deciding(handle, hold.showtimeId(), hold.terminalId()));
                claim(handle, hold, seats, hold.seatIds(), hold.id());
                HoldRecord changed = handle.createQuery("update holds set seat_ids = cast(:seats as text[])"
                                + " where id = :id returning " + HOLD_COLUMNS)
                        .bind("seats", seats.toArray(String[]::new))
                        .bind("id", holdId)
                        .map((rs, ctx) -> hold(rs))
                        .one();
                return new HoldResult.Granted(changed);
            });
        } catch (SeatsTaken taken) {
            return new HoldResult.Taken(taken.seatIds);
        } catch (SeatChoice.SeatsTaken taken) {
            return new HoldResult.Taken(taken.seatIds());
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
                HoldRecord extended = handle.createQuery("update holds"
                                + " set expires_at = least(now() + make_interval(secs => :ttl), max_expires_at)"
                                + " where id = :id returning " + HOLD_COLUMNS)
                        .bind("ttl", seconds(ttl))
                        .bind("id", holdId)
                        .map((rs, ctx) -> hold(rs))
                        .one();
                int moved = handle.createUpdate("""
                                update seat_claims set expires_at = :expiresAt
                                 where (showtime_id, seat_id) in (
                                        select showtime_id, seat_id from seat_claims
                                         where showtime_id = :showtime and seat_id = any(cast(:seats as text[]))
                                           and hold_id = :hold and state = 'HELD'
                                         order by seat_id for update)""")
                        .bind("expiresAt", extended.expiresAt().atOffset(ZoneOffset.UTC))
                        .bind("showtime", hold.showtimeId())
                        .bind("seats", hold.seatIds().toArray(String[]::new))
                        .bind("hold", holdId)
                        .execute();
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

    /** What a sweep did: how many holds it marked EXPIRED, and the showtimes whose seats it freed. */
    public record Swept(int marked, Set<Long> showtimes) {}

    /**
     * Marks up to {@code limit} expired holds EXPIRED and frees their seats; says how many it marked and which
     * showtimes' seat maps changed. Rows another transaction is busy with are skipped, never waited for: they are being
     * taken over or extended.
     */
    public Swept sweepShowtimes(int limit) {
        return ExpiredHolds.sweep(jdbi, limit);
    }

    /**
     * Ends the terminal's active hold, if it has one, leaving its seats for the caller to free or take over. Locks the
     * terminal's row first, so that requests of one terminal change its hold one after the other.
     */
    private static Optional<HoldRecord> endActive(Handle handle, long terminalId) {
        handle.createQuery("select id from terminals where id = :t for update")
                .bind("t", terminalId)
                .mapTo(Long.class)
                .one();
        return handle.createQuery("select " + HOLD_COLUMNS
                        + " from holds where terminal_id = :t and status = 'ACTIVE' for update")
                .bind("t", terminalId)
                .map((rs, ctx) -> hold(rs))
                .findOne()
                .map(hold -> markEnded(handle, hold));
    }

    private static HoldRecord markEnded(Handle handle, HoldRecord hold) {
        return handle.createQuery("update holds set status = case when expires_at <= now() then 'EXPIRED'"
                        + " else 'RELEASED' end, ended_at = now() where id = :id returning " + HOLD_COLUMNS)
                .bind("id", hold.id())
                .map((rs, ctx) -> hold(rs))
                .one();
    }

    private static void free(Handle handle, HoldRecord hold) {
        apply(handle, hold.showtimeId(), null, null, List.of(), hold.seatIds(), hold.id());
    }

    private static HoldRecord lockForUpdate(Handle handle, UUID holdId) {
        return handle.createQuery("select " + HOLD_COLUMNS + " from holds where id = :id for update")
                .bind("id", holdId)
                .map((rs, ctx) -> hold(rs))
                .one();
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

    /** Runs {@link #CLAIM}; returns the seats of {@code take} that could not be taken. */
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
        handle.createQuery(CLAIM)
                .bind("showtime", showtimeId)
                .bind("hold", holdId)
                .bind("expiresAt", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                .bind("releasing", releasing)
                .bind("seats", rows.keySet().toArray(String[]::new))
                .bind("take", rows.values().toArray(Boolean[]::new))
                .map((rs, ctx) -> rs.getString("state").equals("HELD") ? rs.getString("seat_id") : "")
                .forEach(held::add);
        return take.stream().filter(seat -> !held.contains(seat)).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static HoldRecord hold(ResultSet rs) throws SQLException {
        return new HoldRecord(
                rs.getObject("id", UUID.class),
                rs.getLong("showtime_id"),
                rs.getLong("terminal_id"),
                HoldStatus.valueOf(rs.getString("status")),
                new ArrayList<>(Arrays.asList((String[]) rs.getArray("seat_ids").getArray())),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getObject("max_expires_at", OffsetDateTime.class).toInstant(),
                rs.getObject("server_time", OffsetDateTime.class).toInstant());
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
