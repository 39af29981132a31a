package org.marquee.model;

import java.util.List;

/**
 * A live seat-map event of {@code GET /showtimes/{id}/events}: the seats whose status changed, bringing the map to
 * {@code version} (also the event id).
 */
public record SeatChanges(long showtimeId, long version, List<SeatChange> changes) {
    public SeatChanges {
        changes = List.copyOf(changes);
    }
}
