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
                        with expired as (
                            -- through the view (V18): its trigger ends a hold as every end but a grant's does,
                            -- written to ended_holds and gone from the terminal's row. A hold that replaced an
                            -- expired one after this statement began is neither locked as expired nor in its snapshot
                            update holds set status = 'EXPIRED', ended_at = now()
                             where status = 'ACTIVE'
                               and id in (select hold_id from terminal_holds
                                           where hold_id is not null and expires_at <= now()
                                           order by expires_at limit :limit
                                           for update skip locked)
                            returning id, showtime_id, seat_ids),
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
