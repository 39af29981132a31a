package org.marquee.model;

import java.util.List;

/**
 * Answer of {@code GET /catalog/changes?since=CURSOR}: everything changed after the cursor (everything at cursor 0)
 * and the cursor to ask with next time. An entry may come again in a later answer; applying it twice is harmless.
 */
public record CatalogChanges(
        String cursor,
        List<TheaterInfo> theaters,
        List<AuditoriumInfo> auditoriums,
        List<MovieInfo> movies,
        List<ShowtimeInfo> showtimes,
        List<CatalogDeletion> deleted) {
    public CatalogChanges {
        theaters = List.copyOf(theaters);
        auditoriums = List.copyOf(auditoriums);
        movies = List.copyOf(movies);
        showtimes = List.copyOf(showtimes);
        deleted = List.copyOf(deleted);
    }
}
