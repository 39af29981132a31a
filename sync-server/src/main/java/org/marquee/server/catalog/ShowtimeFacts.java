package org.marquee.server.catalog;

import java.time.Instant;
import java.time.ZoneId;
import org.marquee.model.SeatLayout;
import org.marquee.model.ShowtimeStatus;

/** What the hold and seat-map paths need to know about a showtime, read once and cached briefly. */
public record ShowtimeFacts(
        long id,
        long auditoriumId,
        long theaterId,
        ZoneId zone,
        Instant startsAt,
        ShowtimeStatus status,
        SeatLayout layout) {}
