package org.marquee.kiosk.app;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The clock the sale screens count and show times with: the system's, in the time zone of the sale's theater (from
 * the cached catalog), so "19:00" on a ticket means 19:00 where the film runs.
 */
public final class TheaterClock {

    private TheaterClock() {}

    public static Clock of(AppContext ctx) {
        Long theaterId = ctx.sale().theaterIdProperty().get();
        ZoneId zone = ZoneId.systemDefault();
        if (theaterId != null) {
            try {
                zone = ctx.cache()
                        .theater(theaterId)
                        .map(theater -> ZoneId.of(theater.timeZone()))
                        .orElse(zone);
            } catch (DateTimeException | NullPointerException e) {
                // an unknown zone in the catalog must not stop a sale: the terminal's own zone it is
            }
        }
        return Clock.system(zone);
    }
}
