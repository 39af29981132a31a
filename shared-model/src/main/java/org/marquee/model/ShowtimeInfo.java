package org.marquee.model;

import java.time.Instant;

/** A screening of a movie in an auditorium, as the catalog describes it. */
public record ShowtimeInfo(
        long id, long movieId, long auditoriumId, Instant startsAt, String format, ShowtimeStatus status) {}
