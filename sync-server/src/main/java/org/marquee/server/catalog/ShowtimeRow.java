package org.marquee.server.catalog;

import java.time.Instant;
import org.marquee.model.ShowtimeStatus;

/** One showtime of a theater's day with the count of seats currently held or sold. */
public record ShowtimeRow(
        long id,
        long movieId,
        String title,
        int runtimeMinutes,
        String rating,
        long auditoriumId,
        String auditoriumName,
        Instant startsAt,
        String format,
        ShowtimeStatus status,
        int seatsTotal,
        int seatsTaken) {}
