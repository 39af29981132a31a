package org.marquee.server.seatmap;

import java.time.Instant;
import org.marquee.model.SeatMap;

/**
 * A showtime's seat map at one version. {@code nextExpiry} is when the first live hold in it lapses, after which the
 * snapshot no longer tells the truth even though no row has changed; null when nothing is held. {@code nextRelease}
 * likewise is when a seat restriction (accessible or house seats, DESIGN §8) ends by itself; null when none is ahead.
 */
public record SeatMapSnapshot(SeatMap seatMap, Instant nextExpiry, Instant nextRelease) {

    public SeatMapSnapshot(SeatMap seatMap, Instant nextExpiry) {
        this(seatMap, nextExpiry, null);
    }

    public long showtimeId() {
        return seatMap.showtimeId();
    }

    public long version() {
        return seatMap.version();
    }

    boolean lapsedAt(Instant now) {
        return nextExpiry != null && !now.isBefore(nextExpiry);
    }

    boolean releasedAt(Instant now) {
        return nextRelease != null && !now.isBefore(nextRelease);
    }
}
