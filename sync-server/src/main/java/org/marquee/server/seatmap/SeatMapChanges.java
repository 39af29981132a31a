package org.marquee.server.seatmap;

/**
 * Told that a showtime's seat statuses may have changed, by the code that changed them and only after its transaction
 * committed: the live seat-map events are built from it. An interface of the domain, so that holds and orders need no
 * knowledge of how events travel; {@link #NONE} when nobody listens.
 */
public interface SeatMapChanges {

    SeatMapChanges NONE = showtimeId -> {};

    void changed(long showtimeId);
}
