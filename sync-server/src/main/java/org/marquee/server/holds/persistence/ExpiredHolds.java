package org.marquee.server.holds.persistence;

import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.Transactions;

/** The sweep of expired holds, apart from {@link HoldStore} so that each stays one job long. */
final class ExpiredHolds {

    private ExpiredHolds() {}

    static HoldStore.Swept sweep(Jdbi jdbi, int limit) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        with lapsed_holds as (
                            -- the rows as locked: a hold that replaced an expired one meanwhile is not expired
                            select terminal_id, hold_id, showtime_id, seat_ids, created_at, expires_at,
                                   max_expires_at, accessible
                              from terminal_holds
                             where hold_id is not null and expires_at <= now()
                             order by expires_at limit :limit
                               for update skip locked),
                        expired as (
                            insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at,
                                                     expires_at, max_expires_at, ended_at, accessible)
                            select l.hold_id, l.showtime_id, l.terminal_id, 'EXPIRED', l.seat_ids, l.created_at,
                                   l.expires_at, l.max_expires_at, now(), l.accessible
                              from lapsed_holds l
                            returning id, showtime_id, seat_ids),
                        cleared as (
                            update terminal_holds th
                               set hold_id = null, showtime_id = null, seat_ids = null, created_at = null,
                                   expires_at = null, max_expires_at = null, accessible = false
                              from lapsed_holds l
                             where th.terminal_id = l.terminal_id and th.hold_id = l.hold_id),
                        lapsed as (
                            select c.showtime_id, c.seat_id from seat_claims c join expired e
                                on c.showtime_id = e.showtime_id and c.seat_id = any(e.seat_ids) and c.hold_id = e.id
                             where c.state = 'HELD' and c.expires_at <= now()
                             order by c.showtime_id, c.seat_id
                             for update of c skip locked),
                        -- PostgreSQL runs a data-modifying WITH to completion whether or not the query reads it
                        freed as (
                            update seat_claims c
                               set state = 'FREE', hold_id = null, expires_at = null,
                                   version = nextval('seat_claim_version')
                              from lapsed l
                             where c.showtime_id = l.showtime_id and c.seat_id = l.seat_id)
                        select (select count(*) from expired) as marked,
                               (select coalesce(array_agg(distinct showtime_id), '{}') from expired) as showtimes""")
                        .bind("limit", limit)
                        .map((rs, ctx) -> new HoldStore.Swept(rs.getInt("marked"), Set.of((Long[])
                                rs.getArray("showtimes").getArray())))
                        .one());
    }
}
