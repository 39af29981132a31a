package org.marquee.server.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.marquee.model.HoldStatus;
import org.marquee.server.db.PlainSql;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.SeatChoice;
import org.postgresql.util.PSQLException;

/**
 * A new hold whose seats need nothing read inside its transaction (asked seats, no seat rule to check against others'
 * claims; for a kiosk, house seats checked by the claim statement itself), sent whole in one round trip: the
 * terminal's turn, the end of its previous hold, the new hold with its claim, and the COMMIT (decision 0039). The claim
 * statement fails (SQLSTATE {@code MQ423} for house seats, {@code MQ409} for seats not held; {@code
 * marquee_hold_complete}, V17) unless the hold may be committed as claimed, and PostgreSQL skips what follows an error
 * in the same round trip, so the COMMIT only runs after a complete claim; the caller's transaction then rolls back.
 *
 * <p>The same steps in the same order as {@link HoldStore#create} in three round trips: the terminal's hold row locked
 * first, so a terminal's requests take turns; then, with a snapshot taken after that lock, one statement that ends the
 * terminal's previous hold, puts the new one in its row in place ({@link HoldRows#replaceHold}), claims the new seats
 * and frees the ended hold's others, every seat row visited in (showtime, seat) order, byte order as Java's sort of the
 * other statements, so that no two transactions lock seats crosswise. A seat is taken only when
 * free, an expired hold's, or the ended hold's. Only outside a unit of work: a COMMIT there would commit the unit's
 * other statements.
 */
final class OneTripGrant {

    /** {@code marquee_hold_complete}'s refusals (V17). */
    private static final String SEATS_TAKEN = "MQ409";

    private static final String HOUSE_SEATS = "MQ423";

    private static final PlainSql GRANT = PlainSql.of("select now() from terminal_holds th where th.terminal_id = :t"
            + " for update;\n"
            + HoldRows.replaceHold(
                    ":t",
                    "cast(:hold as uuid)",
                    ":s",
                    "cast(:seats as text[])",
                    "now()",
                    "now() + cast(:ttl as interval)",
                    "now() + cast(:maxTotal as interval)")
            + """
            , wanted as (
                select cast(:s as bigint) as showtime_id, w.seat, true as take
                  from unnest(cast(:seats as text[])) as w (seat)
                union all
                select e.showtime_id, r.seat, false
                  from ended e cross join unnest(e.seat_ids) as r (seat)
                 where not (e.showtime_id = :s and r.seat = any(cast(:seats as text[])))),
            claimed as (
                insert into seat_claims as c (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
                select w.showtime_id, w.seat,
                       case when w.take then 'HELD' else 'FREE' end,
                       case when w.take then cast(:hold as uuid) end,
                       case when w.take then cast(:t as bigint) end,
                       case when w.take then now() + cast(:ttl as interval) end,
                       nextval('seat_claim_version')
                  from wanted w
                 order by w.showtime_id, w.seat collate "C"
                %s)
            select n.created_at, n.expires_at, n.max_expires_at, now() as server_time,
                   (select showtime_id from ended) as released_showtime,
                   marquee_hold_complete(
                       array(select seat_id from claimed where showtime_id = :s and state = 'HELD'),
                       cast(:seats as text[]),
                       array(select k from showtime_seat_rules r cross join unnest(r.house_seat_ids) as k
                              where cast(:houseUntil as timestamptz) is not null and r.showtime_id = :s
                                and now() < cast(:houseUntil as timestamptz)
                                            - make_interval(mins => r.house_release_minutes)
                                and k = any(cast(:seats as text[])))) as complete
              from new_hold n;
            commit
            """.formatted(SeatClaims.takeOrFree("(select id from ended)")));

    private OneTripGrant() {}

    /**
     * Grants the seats of {@code unread} (sorted) of {@code showtimeId} to the terminal as a new hold and commits; or
     * throws, with nothing committed, {@link SeatClaims.SeatsTaken} naming the seats that were not free, or the
     * choice's refusal of house seats.
     */
    static HoldResult.Granted grant(
            Handle handle,
            long terminalId,
            long showtimeId,
            SeatChoice.Unread unread,
            boolean accessible,
            Duration ttl,
            Duration maxTotal) {
        UUID id = UUID.randomUUID();
        List<String> seats = unread.seats();
        HoldRecord[] hold = new HoldRecord[1];
        long[] released = {0};
        try {
            GRANT.on(handle)
                    .bind("t", terminalId)
                    .bind("s", showtimeId)
                    .bind("hold", id)
                    .bind("seats", seats.toArray(String[]::new))
                    .bind("ttl", ttl.toString())
                    .bind("maxTotal", maxTotal.toString())
                    .bind("accessible", accessible)
                    .bind("houseUntil", unread.houseSeatsUntil().orElse(null))
                    .queries(
                            rs -> {
                                if (!rs.next()) {
                                    throw new IllegalStateException("terminal " + terminalId + " does not exist");
                                }
                                return null;
                            },
                            rs -> {
                                rs.next();
                                hold[0] = new HoldRecord(
                                        id,
                                        showtimeId,
                                        terminalId,
                                        HoldStatus.ACTIVE,
                                        seats,
                                        instant(rs, "created_at"),
                                        instant(rs, "expires_at"),
                                        instant(rs, "max_expires_at"),
                                        instant(rs, "server_time"));
                                released[0] = rs.getLong("released_showtime");
                                return null;
                            });
        } catch (PlainSql.Failed failed) {
            if (failed.getCause() instanceof PSQLException sql) {
                switch (String.valueOf(sql.getSQLState())) {
                    case SEATS_TAKEN -> throw new SeatClaims.SeatsTaken(detailSeats(sql));
                    case HOUSE_SEATS -> throw unread.houseRefusal().apply(detailSeats(sql));
                    default -> {}
                }
            }
            throw failed;
        }
        return new HoldResult.Granted(
                hold[0],
                released[0] != 0 && released[0] != showtimeId ? OptionalLong.of(released[0]) : OptionalLong.empty());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The seats {@code marquee_hold_complete} named in its error's detail. */
    private static List<String> detailSeats(PSQLException sql) {
        String detail = sql.getServerErrorMessage() == null
                ? null
                : sql.getServerErrorMessage().getDetail();
        return detail == null || detail.isEmpty() ? List.of() : List.of(detail.split(","));
    }
}
