package org.marquee.server.cinema;

/**
 * Told of a showtime whose facts (layout, time, status) an admin change altered, once that change has committed: the
 * wiring forgets the cached facts and tells the live seat maps. {@link #NONE} when nobody listens.
 */
@FunctionalInterface
public interface ShowtimeChanges {

    ShowtimeChanges NONE = showtimeId -> {};

    void changed(long showtimeId);
}
