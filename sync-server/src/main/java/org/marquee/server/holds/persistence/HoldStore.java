package org.marquee.server.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.HoldStatus;
import org.marquee.server.db.Transactions;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldResult;

/**
 * Holds and their seat claims in PostgreSQL. Every change is one transaction; seats are taken with one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} that takes over a claim only when it is free or an expired hold,
 * and the transaction is rolled back unless every requested seat came back. Seat ids arrive sorted, so concurrent
 * requests lock rows in the same order.
 */
public final class HoldStore {

    private static final String HOLD_COLUMNS =
            "id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, now() as server_time";

    private static final String CLAIM = """
            insert into seat_claims as c (showtime_id, seat_id, state, hold_id, expires_at, version)
            select :showtime, seat, 'HELD', :hold, :expiresAt, nextval('seat_claim_version')
              from unnest(cast(:seats as text[])) as seat
            on conflict (showtime_id, seat_id) do update
               set state = 'HELD', hold_id = excluded.hold_id, expires_at = excluded.expires_at,
                   version = excluded.version
             where c.state = 'FREE'
                or (c.state = 'HELD' and (c.expires_at <= now() or c.hold_id = excluded.hold_id))
            returning c.seat_id""";

    private static final String FREE = """
            update seat_claims
               set state = 'FREE', hold_id = null, expires_at = null, version = nextval('seat_claim_version')
             where showtime_id = :showtime and seat_id = any(cast(:seats as text[])) and hold_id = :hold
               and state = 'HELD'""";

    private static final String ONE_ACTIVE_PER_TERMINAL = "holds_one_active_per_terminal";

    private final Jdbi jdbi;

    public HoldStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Releases the terminal's active hold, if any, and holds {@code seats}: all of them or, rolled back, none. */
    public HoldResult create(long terminalId, long showtimeId, List<String> seats, Duration ttl, Duration maxTotal) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Transactions.retrying(jdbi, handle -> {
                    releaseActive(handle, terminalId);
                    HoldRecord hold = handle.createQuery("insert into holds (id, showtime_id, terminal_id, status,"
                                    + " seat_ids, created_at, expires_at, max_expires_at)"
                                    + " values (:id, :showtime, :terminal, 'ACTIVE', cast(:seats as text[]), now(),"
                                    + " now() + make_interval(secs => :ttl), now() + make_interval(secs => :max))"
                                    + " returning " + HOLD_COLUMNS)
                            .bind("id", UUID.randomUUID())
                            .bind("showtime", showtimeId)
                            .bind("terminal", terminalId)
                            .bind("seats", seats.toArray(String[]::new))
                            .bind("ttl", seconds(ttl))
                            .bind("max", seconds(maxTotal))
                            .map((rs, ctx) -> hold(rs))
                            .one();
                    claimOrRollBack(handle, hold, seats);
                    return new HoldResult.Granted(hold);
                });
            } catch (SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds);
            } catch (RuntimeException e) {
                // two requests of one terminal raced to create its single active hold: go again, releasing the winner's
                if (attempt >= 3 || !Transactions.isUniqueViolation(e, ONE_ACTIVE_PER_TERMINAL)) {
                    throw e;
                }
            }
        }
    }

    public Optional<HoldRecord> find(UUID holdId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + HOLD_COLUMNS + " from holds where id = :id")
                .bind("id", holdId)
                .map((rs, ctx) -> hold(rs))
                .findOne());
    }

    /** Replaces the seats of an active hold, all or nothing; the expiry stays as it was. */
    public HoldResult changeSeats(UUID holdId, List<String> seats) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                Set<String> kept = new HashSet<>(seats);
                String[] removed =
                        hold.seatIds().stream().filter(s -> !kept.contains(s)).toArray(String[]::new);
                handle.createUpdate(FREE)
                        .bind("showtime", hold.showtimeId())
                        .bind("seats", removed)
                        .bind("hold", holdId)
                        .execute();
                claimOrRollBack(handle, hold, seats);
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
                int moved = handle.createUpdate("update seat_claims set expires_at = :expiresAt"
                                + " where showtime_id = :showtime and seat_id = any(cast(:seats as text[]))"
                                + " and hold_id = :hold and state = 'HELD'")
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
            return end(handle, hold);
        });
    }

    /** Marks up to {@code limit} expired holds EXPIRED and frees their seats; returns how many it marked. */
    public int sweep(int limit) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        with expired as (
                            update holds set status = 'EXPIRED', ended_at = now()
                             where id in (select id from holds
                                           where status = 'ACTIVE' and expires_at <= now()
                                           order by expires_at limit :limit
                                           for update skip locked)
                            returning id, showtime_id, seat_ids),
                        freed as (
                            update seat_claims c
                               set state = 'FREE', hold_id = null, expires_at = null,
                                   version = nextval('seat_claim_version')
                              from expired e
                             where c.showtime_id = e.showtime_id and c.seat_id = any(e.seat_ids)
                               and c.hold_id = e.id and c.state = 'HELD'
                            returning 1)
                        select (select count(*) from expired)""")
                        .bind("limit", limit)
                        .mapTo(Integer.class)
                        .one());
    }

    private static void releaseActive(Handle handle, long terminalId) {
        List<HoldRecord> previous = handle.createQuery("select " + HOLD_COLUMNS
                        + " from holds where terminal_id = :t and status = 'ACTIVE' for update")
                .bind("t", terminalId)
                .map((rs, ctx) -> hold(rs))
                .list();
        previous.forEach(hold -> end(handle, hold));
    }

    private static HoldRecord end(Handle handle, HoldRecord hold) {
        handle.createUpdate(FREE)
                .bind("showtime", hold.showtimeId())
                .bind("seats", hold.seatIds().toArray(String[]::new))
                .bind("hold", hold.id())
                .execute();
        return handle.createQuery("update holds set status = case when expires_at <= now() then 'EXPIRED'"
                        + " else 'RELEASED' end, ended_at = now() where id = :id returning " + HOLD_COLUMNS)
                .bind("id", hold.id())
                .map((rs, ctx) -> hold(rs))
                .one();
    }

    private static HoldRecord lockForUpdate(Handle handle, UUID holdId) {
        return handle.createQuery("select " + HOLD_COLUMNS + " from holds where id = :id for update")
                .bind("id", holdId)
                .map((rs, ctx) -> hold(rs))
                .one();
    }

    private static void claimOrRollBack(Handle handle, HoldRecord hold, List<String> seats) {
        List<String> granted = handle.createQuery(CLAIM)
                .bind("showtime", hold.showtimeId())
                .bind("hold", hold.id())
                .bind("expiresAt", hold.expiresAt().atOffset(ZoneOffset.UTC))
                .bind("seats", seats.toArray(String[]::new))
                .mapTo(String.class)
                .list();
        if (granted.size() != seats.size()) {
            Set<String> got = new HashSet<>(granted);
            throw new SeatsTaken(seats.stream().filter(s -> !got.contains(s)).toList());
        }
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
