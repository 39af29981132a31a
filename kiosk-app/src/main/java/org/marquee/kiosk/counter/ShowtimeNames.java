package org.marquee.kiosk.counter;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.marquee.kiosk.cache.CachedShowtime;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.core.ShowtimeText;
import org.marquee.kiosk.i18n.Messages;

/**
 * Names an order's showtime for the clerk ("Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00"): an order only carries the
 * showtime's id. Blocking (it reads the catalog cache): call it off the FX thread.
 */
@FunctionalInterface
public interface ShowtimeNames {

    /** No catalog at hand: the screen shows the showtime's number. */
    ShowtimeNames NONE = showtimeId -> Optional.empty();

    Optional<String> describe(long showtimeId);

    /** From the terminal's catalog cache, with the start in the theater's own time zone. */
    static ShowtimeNames from(CatalogCache cache, Messages messages) {
        return showtimeId -> cache.showtime(showtimeId)
                .map(showtime -> ShowtimeText.describe(showtime.toListing(), messages, zone(cache, showtime)));
    }

    private static ZoneId zone(CatalogCache cache, CachedShowtime showtime) {
        try {
            return cache.theater(showtime.theaterId())
                    .map(theater -> ZoneId.of(theater.timeZone()))
                    .orElse(ZoneId.systemDefault());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.systemDefault(); // a theater without a known zone: this terminal's
        }
    }
}
