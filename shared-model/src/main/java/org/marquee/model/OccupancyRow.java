package org.marquee.model;

import java.time.Instant;

/** One showtime of {@code GET /admin/reports/occupancy} (DESIGN §7.4): seats sold and held now, and the share sold. */
public record OccupancyRow(
        long showtimeId,
        String movieTitle,
        Instant startsAt,
        int seatsTotal,
        int sold,
        int held,
        double occupancyPct) {}
