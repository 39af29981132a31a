package org.marquee.server.catalog;

import java.time.Instant;
import java.time.ZoneId;

/** A showtime with the names people read on a ticket; {@code format} is "2D", "3D", "IMAX"… (may be null). */
public record ShowtimeDetails(
        long showtimeId,
        String theaterName,
        String theaterAddress,
        ZoneId zone,
        String auditoriumName,
        String movieTitle,
        String rating,
        int runtimeMinutes,
        Instant startsAt,
        String format) {}
