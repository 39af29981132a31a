package org.marquee.server.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import org.marquee.model.HoldStatus;
import org.marquee.server.holds.HoldRecord;

/**
 * A hold's row as the hold statements return it, and how a terminal's hold is replaced and ended: one place for
 * {@link HoldStore}, {@link SeatClaims}, {@link OneTripGrant} and {@link TerminalTurn}, so that none reaches into
 * another.
 */
final class HoldRows {

    static final String COLUMNS =
            "id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, now() as server_time";

    /** How a hold that ends is marked, whichever way it is found: EXPIRED when its time ran out first, else RELEASED. */
    static final String ENDED_STATUS = "case when expires_at <= now() then 'EXPIRED' else 'RELEASED' end";

    /**
     * The start of a {@code WITH} that replaces the terminal's hold by a new one (V18, decision 0041): {@code ended}
     * writes the terminal's previous hold, if it had one, to {@code ended_holds} as EXPIRED or RELEASED and returns its
     * {@code id, showtime_id, seat_ids}; {@code new_hold} puts the new hold in the terminal's row in place and returns
     * its {@code created_at, expires_at, max_expires_at}. Both read the row as the statement found it, so the caller
     * must have it locked (its turn). The arguments are SQL: the terminal, the new hold's id, showtime, seats, and its
     * three times.
     */
    static String replaceHold(
            String terminal,
            String hold,
            String showtime,
            String seats,
            String createdAt,
            String expiresAt,
            String maxExpiresAt) {
        return """
                with ended as (
                    insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                             max_expires_at, ended_at, accessible)
                    select hold_id, showtime_id, terminal_id, %8$s, seat_ids, created_at, expires_at, max_expires_at,
                           now(), accessible
                      from terminal_holds
                     where terminal_id = %1$s and hold_id is not null
                    returning id, showtime_id, seat_ids),
                new_hold as (
                    update terminal_holds
                       set hold_id = %2$s, showtime_id = %3$s, seat_ids = %4$s, created_at = %5$s, expires_at = %6$s,
                           max_expires_at = %7$s, accessible = :accessible
                     where terminal_id = %1$s
                    returning created_at, expires_at, max_expires_at)
                """.formatted(terminal, hold, showtime, seats, createdAt, expiresAt, maxExpiresAt, ENDED_STATUS);
    }

    private HoldRows() {}

    /** A row of {@link #COLUMNS}. */
    static HoldRecord hold(ResultSet rs) throws SQLException {
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
}
