package org.marquee.model;

import java.util.List;

/** Answer of {@code GET /showtimes/{id}/seats}: every seat and its status at {@code version} (also the ETag). */
public record SeatMap(long showtimeId, long version, List<SeatView> seats) {
    public SeatMap {
        seats = List.copyOf(seats);
    }
}
