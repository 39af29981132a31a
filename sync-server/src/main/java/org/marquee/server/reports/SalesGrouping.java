package org.marquee.server.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.marquee.server.common.MarqueeException;

/** What a sales report's rows are: the {@code groupBy} values of DESIGN §7.4. */
public enum SalesGrouping {
    DAY("day"),
    SHOWTIME("showtime"),
    MOVIE("movie"),
    TERMINAL("terminal"),
    STAFF("staff"),
    PAYMENT_METHOD("paymentMethod"),
    TICKET_TYPE("ticketType");

    private final String wireName;

    SalesGrouping(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The grouping a request names; null means {@link #DAY}. */
    public static SalesGrouping parse(String text) {
        if (text == null) {
            return DAY;
        }
        for (SalesGrouping grouping : values()) {
            if (grouping.wireName.equalsIgnoreCase(text.strip())) {
                return grouping;
            }
        }
        throw MarqueeException.invalid("'groupBy' must be one of "
                + Arrays.stream(values()).map(SalesGrouping::wireName).collect(Collectors.joining(", ")) + "; '"
                + text.strip().toLowerCase(Locale.ROOT) + "' is not.");
    }
}
