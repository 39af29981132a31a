package org.marquee.server.cinema;

import java.time.ZoneId;
import java.util.Set;
import org.marquee.server.common.MarqueeException;

/** Checks of the values an admin request carries: each refusal is a 422 whose message names the field. */
public final class Fields {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Fields() {}

    /** A value that must be there. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw MarqueeException.invalid("'" + field + "' is missing.");
        }
        return value;
    }

    /** Stripped text that is neither missing nor blank, at most {@code max} characters. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw MarqueeException.invalid("'" + field + "' must not be empty.");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw MarqueeException.invalid("'" + field + "' is at most " + max + " characters long.");
        }
        return stripped;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when missing. */
    public static int range(Integer value, String field, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw MarqueeException.invalid("'" + field + "' must be from " + min + " to " + max + ".");
        }
        return value;
    }

    /** A finite number from {@code min} to {@code max}. */
    public static double coordinate(Double value, String field, double min, double max) {
        required(value, field);
        if (!Double.isFinite(value) || value < min || value > max) {
            throw MarqueeException.invalid("'" + field + "' must be a number from " + (int) min + " to " + (int) max
                    + "; " + value + " is not.");
        }
        return value;
    }

    /** An IANA time zone such as Europe/Madrid (not an offset such as +01:00, which knows no summer time). */
    public static String timeZone(String value, String field) {
        String zone = text(value, field, 64);
        if (!ZONES.contains(zone)) {
            throw MarqueeException.invalid(
                    "'" + field + "' must be an IANA time zone such as Europe/Madrid; '" + shorten(zone) + "' is not.");
        }
        return zone;
    }

    public static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
