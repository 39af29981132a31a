package org.marquee.model;

import java.util.List;

/** An auditorium with its layout in the {@link SeatLayout} notation, one string per row. */
public record AuditoriumInfo(long id, long theaterId, String name, List<String> layout, int seatCount) {
    public AuditoriumInfo {
        layout = List.copyOf(layout);
    }
}
