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

    /**
     * What the showtime's seats are at now, cheaply: the highest version of its claims and seat rules (the seat map's
     * version), and a digest of every version it holds. The digest is what tells a change: a version is taken when a
     * statement runs, not when its transaction commits, so a change can commit with a lower version than one already
     * seen, and the highest version alone would not move. Every change gives its rows new versions, which moves the sum
     * of their hashes.
     */
    public Versions currentVersions(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                                select greatest(c.version, r.version) as version, (c.digest + r.digest)::text as digest
                                  from (select coalesce(max(version), 0) as version,
                                               coalesce(sum(hashint8extended(version, 0)), 0) as digest
                                          from seat_claims where showtime_id = :s) c,
                                       (select coalesce(max(version), 0) as version,
                                               coalesce(sum(hashint8extended(version, 0)), 0) as digest
                                          from showtime_seat_rules where showtime_id = :s) r""")
                        .bind("s", showtimeId)
                        .map((rs, ctx) -> new Versions(rs.getLong("version"), rs.getString("digest")))
                        .one());
    }

    /** The seat map's version and the digest of every version behind it ({@link #currentVersions}). */
    public record Versions(long version, String digest) {}

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
     * Moves the showtime's version past every version it holds, unless another request or instance already moved it
     * past {@code seen}: for a change that committed with a lower version than one already read ({@link
     * #currentVersions}), so that clients' ETags and events, which go by the highest version, see it.
     */
    public void moveVersionPast(long showtimeId, long seen) {
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate("""
                                insert into showtime_seat_rules as r (showtime_id, version)
                                values (:s, nextval('seat_claim_version'))
                                on conflict (showtime_id) do update set version = excluded.version
                                 where r.version <= :seen""")
                        .bind("s", showtimeId)
                        .bind("seen", seen)
                        .execute());
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
