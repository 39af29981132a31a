package org.marquee.server.seatmap;

import java.time.Instant;
import org.marquee.model.SeatMap;

/**
 * A showtime's seat map at one version. {@code nextExpiry} is when the first live hold in it lapses, after which the
 * snapshot no longer tells the truth even though no row has changed; null when nothing is held.
 */
public record SeatMapSnapshot(SeatMap seatMap, Instant nextExpiry) {

    public long showtimeId() {
        return seatMap.showtimeId();
    }

    public long version() {
        return seatMap.version();
    }

    boolean lapsedAt(Instant now) {
        return nextExpiry != null && !now.isBefore(nextExpiry);
    }
}
