package org.marquee.server.holds.persistence;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.marquee.server.db.PlainSql;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.SeatsSeen;
import org.marquee.server.seatrules.HouseSeats;

/**
 * How a hold request's transaction begins, in one round trip: it locks the terminal's row, so that requests of one
 * terminal change its hold one after the other ({@code FOR NO KEY UPDATE}: rows that name the terminal, such as an
 * audit entry of a manager signed in there, are still written meanwhile; {@code FOR UPDATE} made such a write wait for
 * the hold while the hold waited for the writer's seats, a deadlock PostgreSQL takes a second to break, decision 0037);
 * reads the transaction's time and the showtime's house seats; and ends the terminal's active hold, leaving its seats
 * for the caller to free or take over.
 *
 * <p>The two statements travel together ({@link PlainSql.Bound#queries}) and run in order, the second with its own
 * snapshot taken after the first has its lock, exactly as when they were sent apart: a second request of the same
 * terminal waits for the lock and then sees the hold the first one made. House seats read here are as good as any read
 * later in the transaction: setting them never waits for holds, and holds already on them stay (DESIGN §8). A kiosk's
 * grant that only has house seats to check then needs no read of the showtime's claims (decision 0035).
 */
record TerminalTurn(SeatsSeen.Opening opening, Optional<HoldRecord> previous) {

    private static final PlainSql BEGIN = PlainSql.of(
            """
            select now() as now, r.house_seat_ids, r.house_release_minutes
              from terminals t left join showtime_seat_rules r on r.showtime_id = :s
             where t.id = :t
               for no key update of t;
            """ + HoldRows.END_HOLD + " where terminal_id = :t and status = 'ACTIVE' returning " + HoldRows.COLUMNS);

    static TerminalTurn begin(Handle handle, long terminalId, long showtimeId) {
        Instant[] now = new Instant[1];
        HouseSeats[] house = new HouseSeats[1];
        HoldRecord[] previous = new HoldRecord[1];
        BEGIN.on(handle)
                .bind("t", terminalId)
                .bind("s", showtimeId)
                .queries(
                        rs -> {
                            if (!rs.next()) {
                                throw new IllegalStateException("terminal " + terminalId + " does not exist");
                            }
                            now[0] = rs.getObject("now", OffsetDateTime.class).toInstant();
                            Array seats = rs.getArray("house_seat_ids");
                            // no seat-rules row: no house seats
                            house[0] = seats == null
                                    ? HouseSeats.NONE
                                    : HouseSeats.of(
                                            Arrays.asList((String[]) seats.getArray()),
                                            rs.getInt("house_release_minutes"));
                            return null;
                        },
                        rs -> {
                            if (rs.next()) {
                                previous[0] = HoldRows.hold(rs);
                            }
                            return null;
                        });
        return new TerminalTurn(new SeatsSeen.Opening(now[0], house[0]), Optional.ofNullable(previous[0]));
    }
}
