package org.marquee.server.testing;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Request bodies as a terminal writes them. */
public final class Bodies {

    private Bodies() {}

    public static String holdBody(long showtime, List<String> seats) {
        return "{\"showtimeId\":" + showtime + ",\"seatIds\":" + jsonList(seats) + "}";
    }

    public static String seatsBody(Collection<String> seats) {
        return "{\"seatIds\":" + jsonList(seats) + "}";
    }

    public static String jsonList(Collection<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
