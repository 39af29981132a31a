package org.marquee.server.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.marquee.server.common.MarqueeException;

/** Optional query parameters read strictly: a value that is there but wrong is a 400 that names the parameter. */
public final class QueryParams {

    /** YYYY-MM-DD exactly: LocalDate.parse alone takes years such as +999999999, which no clock or database holds. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryParams() {}

    /** A calendar date such as 2026-11-21, or null when absent. */
    public static LocalDate date(Context ctx, String name) {
        String raw = present(ctx, name);
        if (raw == null) {
            return null;
        }
        if (DATE.matcher(raw).matches()) {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw MarqueeException.malformed("'" + name + "' must be a calendar date such as 2026-11-21.");
    }

    /** An instant ({@code 2026-11-21T18:00:00Z}) or a date (its start in UTC), or null when absent. */
    public static Instant instant(Context ctx, String name) {
        String raw = present(ctx, name);
        if (raw == null) {
            return null;
        }
        if (DATE.matcher(raw).matches()) {
            return date(ctx, name).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw MarqueeException.malformed(
                    "'" + name + "' must be an instant such as 2026-11-21T18:00:00Z or a date such as 2026-11-21.");
        }
    }

    /** As {@link #instant}, but a date means the end of that day (the start of the next, in UTC): "up to and with". */
    public static Instant instantUntil(Context ctx, String name) {
        String raw = present(ctx, name);
        Instant instant = instant(ctx, name);
        return raw != null && DATE.matcher(raw).matches() ? instant.plus(java.time.Duration.ofDays(1)) : instant;
    }

    /** A whole number, or null when absent. */
    public static Long longValue(Context ctx, String name) {
        String raw = present(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed(
                    "'" + name + "' must be a whole number; '" + Requests.shorten(raw) + "' is not.");
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public static int intInRange(Context ctx, String name, int min, int max, int fallback) {
        Long value = longValue(ctx, name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw MarqueeException.invalid("'" + name + "' must be from " + min + " to " + max + ".");
        }
        return value.intValue();
    }

    /** The stripped text of a parameter, or null when it is absent or blank. */
    public static String text(Context ctx, String name) {
        return present(ctx, name);
    }

    private static String present(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
