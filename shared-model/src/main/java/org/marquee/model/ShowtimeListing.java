package org.marquee.model;

import java.time.Instant;

/** A showtime in the answer of {@code GET /theaters/{id}/showtimes}, with the seats still free right now. */
public record ShowtimeListing(
        long id,
        MovieRef movie,
        AuditoriumRef auditorium,
        Instant startsAt,
        String format,
        ShowtimeStatus status,
        int seatsAvailable,
        int seatsTotal) {

    /** The movie of a listed showtime. */
    public record MovieRef(long id, String title, int runtimeMinutes, String rating) {}

    /** The auditorium of a listed showtime. */
    public record AuditoriumRef(long id, String name) {}
}
