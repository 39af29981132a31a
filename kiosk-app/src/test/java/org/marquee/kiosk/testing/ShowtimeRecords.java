package org.marquee.kiosk.testing;

import org.marquee.model.AdminShowtime;
import org.marquee.model.ShowtimeStatus;

/** Copies of {@link AdminShowtime} records for {@link FakeAdmin}, and the clash rule of DESIGN §7.1. */
final class ShowtimeRecords {

    private ShowtimeRecords() {}

    /** {@code [startsAt, endsAt)} of the two overlap; {@code endsAt} already counts runtime and cleaning. */
    static boolean overlap(AdminShowtime a, AdminShowtime b) {
        return a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt());
    }

    static AdminShowtime withId(AdminShowtime s, long id) {
        return new AdminShowtime(
                id,
                s.theaterId(),
                s.movie(),
                s.auditorium(),
                s.pricePlan(),
                s.startsAt(),
                s.endsAt(),
                s.format(),
                s.status(),
                s.seatsTotal(),
                0,
                0);
    }

    /** The showtime with a status and the seats sold and held now. */
    static AdminShowtime with(AdminShowtime s, ShowtimeStatus status, int sold, int held) {
        return new AdminShowtime(
                s.id(),
                s.theaterId(),
                s.movie(),
                s.auditorium(),
                s.pricePlan(),
                s.startsAt(),
                s.endsAt(),
                s.format(),
                status,
                s.seatsTotal(),
                sold,
                held);
    }
}
