package org.marquee.kiosk.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The start times a series asks for: every chosen day of the week from one date to another (inclusive) at each time,
 * in the theater's zone, as the server expands {@code POST /admin/showtimes/series}. A wall time that a DST change
 * skips moves forward by the gap, as {@link java.time.ZonedDateTime} resolves it.
 */
public final class SeriesPlan {

    private SeriesPlan() {}

    public static List<Instant> starts(
            LocalDate from, LocalDate to, Set<DayOfWeek> days, List<LocalTime> times, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                for (LocalTime time : times) {
                    starts.add(day.atTime(time).atZone(zone).toInstant());
                }
            }
        }
        starts.sort(null);
        return starts;
    }

    /** "19:00, 21:30" as times; {@link IllegalArgumentException} naming the first that is not a time. */
    public static List<LocalTime> times(String text) {
        List<LocalTime> times = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                String padded = part.length() == 4 && part.charAt(1) == ':' ? "0" + part : part;
                LocalTime time = LocalTime.parse(padded);
                if (!times.contains(time)) {
                    times.add(time);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(part);
            }
        }
        times.sort(null);
        return times;
    }

    /** The day as the API writes it: MON…SUN. */
    public static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toUpperCase(Locale.ROOT);
    }
}
