package org.marquee.model;

import java.time.Instant;
import java.util.List;

/** A showtime's house seats: which, how many minutes before the start they are released, and at which instant. */
public record HouseSeatsView(long showtimeId, List<String> seatIds, int releaseMinutes, Instant releasesAt) {
    public HouseSeatsView {
        seatIds = List.copyOf(seatIds);
    }
}
