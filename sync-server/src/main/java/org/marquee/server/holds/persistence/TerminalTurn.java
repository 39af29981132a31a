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
 * How a hold request's transaction begins, in one round trip: it locks the terminal's hold row ({@code terminal_holds},
 * V18), so that requests of one terminal change its hold one after the other, and every other change of the terminal's
 * active hold (its release, expiry, order, a manager's release) waits for it or is waited for; reads the transaction's
 * time, the showtime's house seats and the terminal's active hold, which the caller's claim then ends
 * ({@link HoldRows#replaceHold}), freeing its seats or taking them over. No row names the hold row, so {@code FOR
 * UPDATE} makes no one else wait (the terminal's own row, which audit entries name, is not locked: decision 0037).
 *
 * <p>A second request of the same terminal waits for the lock and then reads the hold the first one made: the lock
 * returns the row as last committed. House seats read here are as good as any read
 * later in the transaction: setting them never waits for holds, and holds already on them stay (DESIGN §8). A kiosk's
 * grant that only has house seats to check then needs no read of the showtime's claims (decision 0035).
 */
record TerminalTurn(SeatsSeen.Opening opening, Optional<HoldRecord> previous) {

    private static final PlainSql BEGIN = PlainSql.of("""
            select now() as now, r.house_seat_ids, r.house_release_minutes, th.hold_id as id, th.showtime_id,
                   th.terminal_id, 'ACTIVE' as status, th.seat_ids, th.created_at, th.expires_at, th.max_expires_at,
                   now() as server_time
              from terminal_holds th left join showtime_seat_rules r on r.showtime_id = :s
             where th.terminal_id = :t
               for update of th""");

    static TerminalTurn begin(Handle handle, long terminalId, long showtimeId) {
        Instant[] now = new Instant[1];
        HouseSeats[] house = new HouseSeats[1];
        HoldRecord[] previous = new HoldRecord[1];
        BEGIN.on(handle).bind("t", terminalId).bind("s", showtimeId).queries(rs -> {
            if (!rs.next()) {
                throw new IllegalStateException("terminal " + terminalId + " does not exist");
            }
            now[0] = rs.getObject("now", OffsetDateTime.class).toInstant();
            Array seats = rs.getArray("house_seat_ids");
            // no seat-rules row: no house seats
            house[0] = seats == null
                    ? HouseSeats.NONE
                    : HouseSeats.of(Arrays.asList((String[]) seats.getArray()), rs.getInt("house_release_minutes"));
            if (rs.getObject("id") != null) {
                previous[0] = HoldRows.hold(rs);
            }
            return null;
        });
        return new TerminalTurn(new SeatsSeen.Opening(now[0], house[0]), Optional.ofNullable(previous[0]));
    }
}
