package org.marquee.server.tickets;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/**
 * How tickets word things for people, the same on paper and in the e-mail. English for now; another language would
 * replace this class's strings, not its callers.
 */
final class TicketLabels {

    private static final Locale LOCALE = Locale.ENGLISH;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", LOCALE);

    private TicketLabels() {}

    /** Local date and time at the theater, such as "Sat 22 Nov 2026, 19:00". */
    static String when(Instant startsAt, ZoneId zone) {
        return WHEN.format(startsAt.atZone(zone));
    }

    /** A price with the currency's symbol where people know one ("€9.50", "CHF 12.00"). */
    static String price(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (currency == null) {
            return priceWithCode(minor, currencyCode);
        }
        // en-US words symbols the way most customers read them: €, £, $ and ISO codes for the rest.
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount(minor, digits));
    }

    /** A price with the ISO code instead of a symbol, for fonts that cannot draw the symbol ("INR 500.00"). */
    static String priceWithCode(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        return currencyCode + " " + number(minor, currency == null ? 2 : currency.getDefaultFractionDigits());
    }

    static String seat(String row, int number) {
        return "Row " + row + ", seat " + number;
    }

    static String ticketType(TicketType type) {
        return switch (type) {
            case ADULT -> "Adult";
            case CHILD -> "Child";
            case SENIOR -> "Senior";
        };
    }

    /** Said only when it matters at the door; a standard seat needs no word. */
    static String seatType(SeatType type) {
        return switch (type) {
            case STANDARD -> "";
            case PREMIUM -> "Premium seat";
            case WHEELCHAIR -> "Wheelchair space";
            case COMPANION -> "Companion seat";
        };
    }

    static String runtime(int minutes) {
        if (minutes <= 0) {
            return "";
        }
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    /** Rating and runtime, such as "PG-13 · 2 h 46 min", leaving out whichever is unknown. */
    static String movieFacts(String rating, int runtimeMinutes) {
        String runtime = runtime(runtimeMinutes);
        if (rating.isBlank()) {
            return runtime;
        }
        return runtime.isEmpty() ? rating : rating + " \u00b7 " + runtime;
    }

    private static BigDecimal amount(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits);
    }

    private static String number(long minor, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(Math.max(0, digits));
        format.setMaximumFractionDigits(Math.max(0, digits));
        return format.format(amount(minor, Math.max(0, digits)));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
