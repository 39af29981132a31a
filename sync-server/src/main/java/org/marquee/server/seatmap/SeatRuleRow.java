package org.marquee.server.seatmap;

import java.time.Instant;
import org.marquee.server.seatrules.HouseSeats;

/**
 * A showtime's row of seat rules: its house seats, the version their last change (or a release) took from the claims'
 * sequence, and the latest release instant that has moved the version (null: none yet).
 */
public record SeatRuleRow(HouseSeats house, long version, Instant settledAt) {

    public static final SeatRuleRow NONE = new SeatRuleRow(HouseSeats.NONE, 0, null);
}
