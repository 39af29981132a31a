package org.marquee.kiosk.showtimes;

import java.util.List;

/** A movie with its showtimes of the chosen day, earliest first. */
public record MovieShowtimes(
        long movieId, String title, String rating, String runtime, List<ShowtimeChoice> showtimes) {
    public MovieShowtimes {
        showtimes = List.copyOf(showtimes);
    }
}
