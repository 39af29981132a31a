package org.marquee.server.seatmap;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.marquee.model.SeatMap;

/**
 * A showtime's seat map at one version. {@code nextExpiry} is when the first live hold in it lapses, after which the
 * snapshot no longer tells the truth even though no row has changed; null when nothing is held. {@code nextRelease}
 * likewise is when a seat restriction (accessible or house seats, DESIGN §8) ends by itself; null when none is ahead.
 * {@code claimedBy} maps each seat sold, gone or held live to the terminal holding it, 0 when it is sold or gone: what a
 * refusal from memory needs (decision 0030), which the seat map itself does not say.
 */
public record SeatMapSnapshot(SeatMap seatMap, Instant nextExpiry, Instant nextRelease, Map<String, Long> claimedBy) {

    public SeatMapSnapshot {
        claimedBy = Map.copyOf(claimedBy);
    }

    public SeatMapSnapshot(SeatMap seatMap, Instant nextExpiry) {
        this(seatMap, nextExpiry, null, Map.of());
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

    /** Of {@code seatIds}, in their order, those sold, gone or held live by a terminal other than {@code terminalId}. */
    List<String> takenByOthers(long terminalId, List<String> seatIds) {
        return takenByOthers(claimedBy, terminalId, seatIds);
    }

    /** As {@link #takenByOthers(long, List)}, for any map of seat to holder (0 when sold or gone). */
    static List<String> takenByOthers(Map<String, Long> claimedBy, long terminalId, List<String> seatIds) {
        return seatIds.stream()
                .filter(id -> {
                    Long holder = claimedBy.get(id);
                    return holder != null && holder != terminalId;
                })
                .toList();
    }
}
