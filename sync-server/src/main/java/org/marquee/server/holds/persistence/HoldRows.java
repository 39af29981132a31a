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
 * A hold's row as the hold statements return it, and how a hold ends: one place for {@link HoldStore} and
 * {@link TerminalTurn}, so that neither reaches into the other.
 */
final class HoldRows {

    static final String COLUMNS =
            "id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at, max_expires_at, now() as server_time";

    /** How a hold ends, whichever way it is found: EXPIRED when its time ran out first, else RELEASED. */
    static final String END_HOLD = "update holds set status = case when expires_at <= now() then 'EXPIRED'"
            + " else 'RELEASED' end, ended_at = now()";

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
