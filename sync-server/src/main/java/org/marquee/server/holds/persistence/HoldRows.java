package org.marquee.server.holds.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.marquee.server.holds.HoldRecord;

/**
 * The {@code holds} table; every statement answers the hold as stored with the database's clock ({@code server_time}).
 * Attached to the caller's handle, so each statement runs in the caller's transaction.
 */
@RegisterConstructorMapper(HoldRecord.class)
public interface HoldRows {

    @SqlQuery("""
            insert into holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at)
            values (:id, :showtime, :terminal, 'ACTIVE', cast(:seats as text[]), now(),
                    now() + make_interval(secs => :ttl), now() + make_interval(secs => :max))
            returning id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                      max_expires_at, now() as server_time""")
    HoldRecord insert(
            @Bind("id") UUID id,
            @Bind("showtime") long showtimeId,
            @Bind("terminal") long terminalId,
            @Bind("seats") String[] seats,
            @Bind("ttl") double ttlSeconds,
            @Bind("max") double maxSeconds);

    @SqlQuery("""
            select id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                   max_expires_at, now() as server_time
              from holds where id = :id""")
    Optional<HoldRecord> find(@Bind("id") UUID id);

    @SqlQuery("""
            select id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                   max_expires_at, now() as server_time
              from holds where id = :id for update""")
    HoldRecord lock(@Bind("id") UUID id);

    /** Locks the terminal's row, so that requests of one terminal change its hold one after the other. */
    @SqlQuery("select id from terminals where id = :t for update")
    long lockTerminal(@Bind("t") long terminalId);

    @SqlQuery("""
            select id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                   max_expires_at, now() as server_time
              from holds where terminal_id = :t and status = 'ACTIVE' for update""")
    Optional<HoldRecord> lockActive(@Bind("t") long terminalId);

    /** Ends a hold: EXPIRED when its time is up, else RELEASED. */
    @SqlQuery("""
            update holds set status = case when expires_at <= now() then 'EXPIRED' else 'RELEASED' end,
                   ended_at = now()
             where id = :id
            returning id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                      max_expires_at, now() as server_time""")
    HoldRecord markEnded(@Bind("id") UUID id);

    @SqlQuery("""
            update holds set seat_ids = cast(:seats as text[]) where id = :id
            returning id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                      max_expires_at, now() as server_time""")
    HoldRecord setSeats(@Bind("seats") String[] seats, @Bind("id") UUID id);

    /** Moves the expiry to now + ttl, never past the hold's max_expires_at. */
    @SqlQuery("""
            update holds set expires_at = least(now() + make_interval(secs => :ttl), max_expires_at)
             where id = :id
            returning id, showtime_id, terminal_id, status as stored_status, seat_ids, created_at, expires_at,
                      max_expires_at, now() as server_time""")
    HoldRecord extend(@Bind("ttl") double ttlSeconds, @Bind("id") UUID id);
}
