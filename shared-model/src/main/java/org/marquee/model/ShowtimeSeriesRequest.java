package org.marquee.model;

import java.util.List;

/**
 * Body of {@code POST /admin/showtimes/series}: every {@code daysOfWeek} ("MON".."SUN") from {@code fromDate} to
 * {@code toDate} (YYYY-MM-DD, inclusive) at each of {@code times} ("19:00", in the theater's time zone); all created
 * or none. The answer is a {@link ShowtimeSeries}.
 */
public record ShowtimeSeriesRequest(
        Long movieId,
        Long auditoriumId,
        String format,
        Long pricePlanId,
        String fromDate,
        String toDate,
        List<String> daysOfWeek,
        List<String> times) {}
