package org.marquee.model;

import java.time.Instant;

/**
 * One showtime of {@code GET /admin/reports/occupancy} (DESIGN §7.4): seats sold and held now, the share sold, and
 * (additive, issue 15) how many tickets were admitted at the door (DESIGN §9).
 */
public record OccupancyRow(
        long showtimeId,
        String movieTitle,
        Instant startsAt,
        int seatsTotal,
        int sold,
        int held,
        double occupancyPct,
        int admitted) {

    /** A row without admissions (a showtime nobody has entered yet). */
    public OccupancyRow(
            long showtimeId,
            String movieTitle,
            Instant startsAt,
            int seatsTotal,
            int sold,
            int held,
            double occupancyPct) {
        this(showtimeId, movieTitle, startsAt, seatsTotal, sold, held, occupancyPct, 0);
    }
}
