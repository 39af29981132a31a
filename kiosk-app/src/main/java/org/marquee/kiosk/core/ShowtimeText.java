package org.marquee.kiosk.core;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ShowtimeListing;

/**
 * One line naming a showtime for the checkout screens: "Orbit of Ashes · IMAX · Sala 1 · Sun 22 Nov, 19:00"; the
 * format (2D, 3D, IMAX…) is part of what the customer pays for, so it is never left out when the catalog knows it.
 */
public final class ShowtimeText {

    private ShowtimeText() {}

    /** The showtime with its start in {@code zone} (the theater's); empty when there is none. */
    public static String describe(ShowtimeListing showtime, Messages messages, ZoneId zone) {
        if (showtime == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (showtime.movie() != null) {
            parts.add(showtime.movie().title());
        }
        if (showtime.format() != null && !showtime.format().isBlank()) {
            parts.add(showtime.format().strip());
        }
        if (showtime.auditorium() != null) {
            parts.add(showtime.auditorium().name());
        }
        if (showtime.startsAt() != null) {
            DateTimeFormatter when = DateTimeFormatter.ofPattern(messages.get("tickets.dateTime"), messages.locale());
            parts.add(when.format(showtime.startsAt().atZone(zone)));
        }
        return String.join(" · ", parts);
    }
}
