package org.marquee.model;

import java.util.List;

/** Answer of {@code POST /admin/showtimes/series}: the showtimes it created, in time order. */
public record ShowtimeSeries(List<AdminShowtime> created) {}
