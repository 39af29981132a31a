package org.marquee.kiosk.cache;

import java.util.List;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;

/** An auditorium from the catalog cache with its parsed seat layout. */
public record CachedAuditorium(long id, long theaterId, String name, SeatLayout layout) {

    /** Every seat of the layout, out-of-service ones included (they are {@code blocked}). */
    public List<SeatDefinition> seats() {
        return layout.seats();
    }

    /** Seats that can be sold. */
    public int seatsTotal() {
        return layout.sellableSeats();
    }
}
