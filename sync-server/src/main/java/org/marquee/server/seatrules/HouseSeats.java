package org.marquee.server.seatrules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A showtime's house seats: kept for the counter and managers until {@code releaseMinutes} before the start. */
public record HouseSeats(Set<String> seatIds, int releaseMinutes) {

    public static final HouseSeats NONE = new HouseSeats(Set.of(), 0);

    public HouseSeats {
        seatIds = Set.copyOf(seatIds);
    }

    public static HouseSeats of(List<String> seatIds, int releaseMinutes) {
        return new HouseSeats(Set.copyOf(seatIds), releaseMinutes);
    }

    public Instant releasesAt(Instant startsAt) {
        return startsAt.minus(Duration.ofMinutes(releaseMinutes));
    }
}
