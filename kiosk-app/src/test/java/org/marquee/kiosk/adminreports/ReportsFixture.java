package org.marquee.kiosk.adminreports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.testing.FakeReports;
import org.marquee.model.PaymentMethod;

/**
 * A week of sales at the demo's Cine Sol (theater 1) and one at Cine Luna (2), seen on Thursday 3 December 2026 in
 * Madrid: cash and card, a card sale refunded the next day, a sale of the week before, and Wednesday's shows.
 */
final class ReportsFixture {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private ReportsFixture() {}

    static ManualClock thursdayEvening() {
        return new ManualClock(Instant.parse("2026-12-03T18:00:00Z"), MADRID);
    }

    static FakeReports week() {
        FakeReports reports = new FakeReports(Set.of(1L, 2L), "EUR");
        LocalDate tuesday = MONDAY.plusDays(1);
        LocalDate wednesday = MONDAY.plusDays(2);
        reports.sell(1, MONDAY, "The Long Night", "20:30", "Counter 1", "Lucía", PaymentMethod.CASH, 2, 0, null);
        reports.sell(1, tuesday, "Paper Boats", "17:00", "Lobby kiosk", null, PaymentMethod.CARD, 1, 2, wednesday);
        reports.sell(1, wednesday, "The Long Night", "20:30", "Lobby kiosk", null, PaymentMethod.CARD, 3, 0, null);
        reports.sell(2, wednesday, "Paper Boats", "18:00", "Luna kiosk", null, PaymentMethod.CASH, 1, 0, null);
        reports.sell(
                1, MONDAY.minusDays(5), "Paper Boats", "17:00", "Counter 1", "Lucía", PaymentMethod.CASH, 1, 0, null);
        reports.showtime(1, wednesday, 41, "Paper Boats", Instant.parse("2026-12-02T16:00:00Z"), 80, 20, 2);
        reports.showtime(1, wednesday, 42, "The Long Night", Instant.parse("2026-12-02T19:30:00Z"), 120, 90, 4);
        return reports;
    }
}
