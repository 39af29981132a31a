package org.marquee.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.server.cinema.Fields;
import org.marquee.server.common.MarqueeException;

/**
 * The starts of a weekly series (DESIGN §7.1): every chosen day of the week from {@code fromDate} to {@code toDate} at
 * each time, read as wall-clock time in the theater's zone, so 19:00 stays 19:00 across a summer-time change. A time
 * that does not exist that day (the hour skipped in spring) moves forward by the gap, as clocks do; a time that exists
 * twice (the hour repeated in autumn) is the earlier one.
 */
final class SeriesPlan {

    static final int MAX_DAYS = 366;
    static final int MAX_SHOWTIMES = 1000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private SeriesPlan() {}

    /** The series' starts in time order, or a 422 naming the field that is wrong. */
    static List<Instant> starts(ShowtimeSeriesRequest request, ZoneId zone) {
        LocalDate from = date(request.fromDate(), "fromDate");
        LocalDate to = date(request.toDate(), "toDate");
        if (from.isAfter(to)) {
            throw MarqueeException.invalid("'fromDate' (" + from + ") is after 'toDate' (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw MarqueeException.invalid(
                    "A series spans at most " + MAX_DAYS + " days; schedule a longer one in" + " parts.");
        }
        Set<DayOfWeek> days = days(request.daysOfWeek());
        Set<LocalTime> times = times(request.times());
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            for (LocalTime time : times) {
                starts.add(day.atTime(time).atZone(zone).toInstant());
            }
        }
        if (starts.isEmpty()) {
            throw MarqueeException.invalid("No date from 'fromDate' to 'toDate' falls on one of 'daysOfWeek'.");
        }
        if (starts.size() > MAX_SHOWTIMES) {
            throw MarqueeException.invalid("A series creates at most " + MAX_SHOWTIMES + " showtimes; this one would"
                    + " create " + starts.size() + ".");
        }
        starts.sort(null);
        return starts;
    }

    private static LocalDate date(String text, String field) {
        String value = Fields.text(text, field, 10);
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the refusal
            }
        }
        throw MarqueeException.invalid(
                "'" + field + "' must be a date such as 2026-11-21; '" + Fields.shorten(value) + "' is not.");
    }

    private static Set<DayOfWeek> days(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw MarqueeException.invalid("'daysOfWeek' must name at least one day (MON, TUE, … SUN).");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String text : given) {
            int index = text == null ? -1 : DAYS.indexOf(text.strip().toUpperCase(Locale.ROOT));
            if (index < 0) {
                throw MarqueeException.invalid("'daysOfWeek' takes MON, TUE, WED, THU, FRI, SAT and SUN; '"
                        + (text == null ? "null" : Fields.shorten(text)) + "' is not one.");
            }
            days.add(DayOfWeek.of(index + 1));
        }
        return days;
    }

    private static Set<LocalTime> times(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw MarqueeException.invalid("'times' must give at least one time such as 19:00.");
        }
        Set<LocalTime> times = new TreeSet<>();
        for (String text : given) {
            LocalTime time = null;
            if (text != null && TIME.matcher(text.strip()).matches()) {
                try {
                    time = LocalTime.parse(text.strip());
                } catch (DateTimeParseException e) {
                    // falls through to the refusal
                }
            }
            if (time == null) {
                throw MarqueeException.invalid("'times' takes times of day such as 19:00 (HH:MM, 00:00 to 23:59); '"
                        + (text == null ? "null" : Fields.shorten(text)) + "' is not one.");
            }
            if (!times.add(time)) {
                throw MarqueeException.invalid("'times' has " + text.strip() + " twice.");
            }
        }
        return times;
    }
}
