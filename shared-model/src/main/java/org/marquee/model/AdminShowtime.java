package org.marquee.model;

import java.time.Instant;

/**
 * A showtime as {@code GET /admin/showtimes} lists it and the schedule endpoints answer (DESIGN §7.1): with its movie,
 * auditorium, price plan, status, and how many seats are sold and held. {@code endsAt} is the start plus the movie's
 * runtime and the theater's cleaning minutes: the interval that may not overlap another showtime of the auditorium.
 */
public record AdminShowtime(
        long id,
        long theaterId,
        MovieRef movie,
        AuditoriumRef auditorium,
        PlanRef pricePlan,
        Instant startsAt,
        Instant endsAt,
        String format,
        ShowtimeStatus status,
        int seatsTotal,
        int seatsSold,
        int seatsHeld) {

    public record MovieRef(long id, String title, int runtimeMinutes) {}

    public record AuditoriumRef(long id, String name) {}

    public record PlanRef(long id, String name) {}
}
