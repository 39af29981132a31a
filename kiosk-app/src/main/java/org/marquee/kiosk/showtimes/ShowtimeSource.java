package org.marquee.kiosk.showtimes;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;

/**
 * Where the showtimes screen reads theaters and showtimes from. {@link ServerShowtimeSource} asks the sync server; a
 * source backed by the H2 catalog cache lets the terminal browse while the server is away. Both block, so the
 * view-model calls them off the FX thread.
 */
public interface ShowtimeSource {

    /**
     * Theaters near {@code homeTheaterId}, nearest first, the home theater itself first of all; every theater by name
     * (no distances) when the terminal's own theater is not known ({@code null}).
     */
    List<NearbyTheater> theatersNear(Long homeTheaterId);

    /** Showtimes of one theater starting on {@code date} in the theater's own time zone, by movie title and time. */
    List<ShowtimeListing> showtimes(long theaterId, LocalDate date);
}
