package org.marquee.kiosk.seatmap;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SeatIds;
import org.marquee.model.ShowtimeListing;

/** The seat-map screen's sentences, in the terminal's language. */
final class SeatMapTexts {

    private SeatMapTexts() {}

    /**
     * The line under the showtime: why the map is blank (it could not be read: offline), what to do with the seats
     * ("Tap the seats you want" on a touch screen, "Click or use the arrow keys…" at a counter), or the seats chosen in
     * reading order.
     */
    static String selection(Messages messages, Collection<String> mine, boolean blank, boolean touch) {
        if (blank) {
            return messages.get("seatmap.unavailable");
        }
        if (mine.isEmpty()) {
            return messages.get(touch ? "seatmap.choose" : "seatmap.choose.keys");
        }
        return messages.get(
                "seatmap.selection",
                mine.size(),
                String.join(", ", mine.stream().sorted(SeatIds.READING_ORDER).toList()));
    }

    /** "IMAX · Sala 1 · Sun 22 Nov, 19:00", in {@code zone} (the app gives the theater's). */
    static String details(Messages messages, ShowtimeListing listing, ZoneId zone) {
        var when = DateTimeFormatter.ofPattern(messages.get("seatmap.when.pattern"), messages.locale())
                .format(listing.startsAt().atZone(zone));
        return messages.get(
                "seatmap.details", listing.format(), listing.auditorium().name(), when);
    }
}
