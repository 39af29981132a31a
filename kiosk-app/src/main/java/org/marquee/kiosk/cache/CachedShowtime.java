package org.marquee.kiosk.cache;

import java.time.Instant;
import org.marquee.model.MovieInfo;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;

/**
 * A showtime from the catalog cache with its movie, auditorium and theater. The cache knows how many seats the
 * auditorium has, not how many are free right now: that needs the server ({@link #toListing()} says "unknown").
 */
public record CachedShowtime(
        long id,
        long theaterId,
        MovieInfo movie,
        ShowtimeListing.AuditoriumRef auditorium,
        Instant startsAt,
        String format,
        ShowtimeStatus status,
        int seatsTotal) {

    /** {@link ShowtimeListing#seatsAvailable()} of a listing made from the cache: not known offline. */
    public static final int SEATS_UNKNOWN = -1;

    /** This showtime in the shape the server lists it, with {@link #SEATS_UNKNOWN} seats available. */
    public ShowtimeListing toListing() {
        return new ShowtimeListing(
                id,
                new ShowtimeListing.MovieRef(movie.id(), movie.title(), movie.runtimeMinutes(), movie.rating()),
                auditorium,
                startsAt,
                format,
                status,
                SEATS_UNKNOWN,
                seatsTotal);
    }
}
