package org.marquee.server.seatmap.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.SeatStatus;
import org.marquee.server.db.SeatClaimHolder;
import org.marquee.server.db.Transactions;
import org.marquee.server.seatmap.ClaimRow;
import org.marquee.server.seatmap.SeatRuleRow;
import org.marquee.server.seatrules.HouseSeats;

/** Reads a showtime's seat claims for the seat map, and frees the lapsed ones so that the version moves. */
public final class SeatClaimReader {

    private final Jdbi jdbi;

    public SeatClaimReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The seat map's version: the largest claim version of the showtime, 0 before any claim. One index probe. */
    public long currentVersion(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select greatest((select coalesce(max(version), 0) from seat_claims"
                                + " where showtime_id = :s), (select coalesce(max(version), 0) from showtime_seat_rules"
                                + " where showtime_id = :s))")
                        .bind("s", showtimeId)
                        .mapTo(Long.class)
                        .one());
    }

    /**
     * Marks the showtime's expired claims FREE with a new version. Not needed for correctness (acquisition takes an
     * expired claim over by itself) but it makes the change visible as a new seat-map version. Rows another request is
     * busy with are skipped rather than waited for.
     */
    public int freeLapsed(long showtimeId) {
        return Transactions.reading(
                jdbi, handle -> handle.createUpdate("""
                        update seat_claims
                           set state = 'FREE', hold_id = null, expires_at = null, version = nextval('seat_claim_version')
                         where (showtime_id, seat_id) in (
                                select showtime_id, seat_id from seat_claims
                                 where showtime_id = :s and state = 'HELD' and expires_at <= now()
                                 order by seat_id for update skip locked)
                           and state = 'HELD' and expires_at <= now()""").bind("s", showtimeId).execute());
    }

    /** The showtime's house seats and rules version, or {@link SeatRuleRow#NONE}. */
    public SeatRuleRow seatRules(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select house_seat_ids, house_release_minutes, version, settled_at"
                                + " from showtime_seat_rules where showtime_id = :s")
                        .bind("s", showtimeId)
                        .map((rs, ctx) -> {
                            OffsetDateTime settled = rs.getObject("settled_at", OffsetDateTime.class);
                            return new SeatRuleRow(
                                    HouseSeats.of(
                                            Arrays.asList((String[]) rs.getArray("house_seat_ids")
                                                    .getArray()),
                                            rs.getInt("house_release_minutes")),
                                    rs.getLong("version"),
                                    settled == null ? null : settled.toInstant());
                        })
                        .findOne()
                        .orElse(SeatRuleRow.NONE));
    }

    /**
     * Moves the showtime's version once for the release instant {@code released}: true when this call moved it, false
     * when another request or instance already had.
     */
    public boolean settle(long showtimeId, Instant released) {
        return Transactions.retrying(
                        jdbi,
                        handle -> handle.createUpdate("""
                                insert into showtime_seat_rules as r (showtime_id, version, settled_at)
                                values (:s, nextval('seat_claim_version'), :released)
                                on conflict (showtime_id) do update
                                   set version = nextval('seat_claim_version'), settled_at = excluded.settled_at
                                 where r.settled_at is null or r.settled_at < excluded.settled_at""")
                                .bind("s", showtimeId)
                                .bind("released", released.atOffset(ZoneOffset.UTC))
                                .execute())
                > 0;
    }

    public List<ClaimRow> claims(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select c.seat_id, c.version, c.expires_at,
                               case when c.state = 'HELD' then %s end as terminal_id,
                               case when c.state = 'SOLD' then 'SOLD'
                                    when c.state = 'GONE' then 'BLOCKED'
                                    when c.state = 'HELD' and c.expires_at > now() then 'HELD'
                                    else 'AVAILABLE' end as status
                          from seat_claims c
                         where c.showtime_id = :s""".formatted(SeatClaimHolder.SQL))
                        .bind("s", showtimeId)
                        .map((rs, ctx) -> {
                            SeatStatus status = SeatStatus.valueOf(rs.getString("status"));
                            OffsetDateTime until = rs.getObject("expires_at", OffsetDateTime.class);
                            return new ClaimRow(
                                    rs.getString("seat_id"),
                                    status,
                                    status == SeatStatus.HELD ? until.toInstant() : null,
                                    status == SeatStatus.HELD ? rs.getLong("terminal_id") : 0,
                                    rs.getLong("version"));
                        })
                        .list());
    }
}
