package org.marquee.server.tickets;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/**
 * How tickets word things for people, the same on paper and in the e-mail, in the order's language: the words come
 * from {@code tickets[_<language>].properties} beside this class, dates and prices are written the language's way
 * ("Sun 22 Nov 2026, 19:00" and "€9.50"; "dom 22 nov 2026, 19:00" and "9,50 €").
 */
final class TicketLabels {

    private final Locale locale;
    private final ResourceBundle words;
    private final DateTimeFormatter when;

    private TicketLabels(Locale locale) {
        this.locale = locale;
        // never the server's own locale: a Spanish ticket on an English server stays Spanish, and the reverse
        this.words = ResourceBundle.getBundle(
                "org.marquee.server.tickets.tickets",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.when = DateTimeFormatter.ofPattern(words.getString("when.pattern"), locale);
    }

    /** The labels of {@code language} ({@link TicketLanguage}: English or Spanish). */
    static TicketLabels of(Locale language) {
        return new TicketLabels(TicketLanguage.supported(language));
    }

    /** A sentence of the bundle with its {@code {0}} arguments filled in. */
    String text(String key, Object... args) {
        String pattern = words.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Local date and time at the theater, such as "Sat 22 Nov 2026, 19:00". */
    String when(Instant startsAt, ZoneId zone) {
        return when.format(startsAt.atZone(zone));
    }

    /** A price with the currency's symbol where people know one ("€9.50", "CHF 12.00"; "9,50 €"). */
    String price(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (currency == null) {
            return priceWithCode(minor, currencyCode);
        }
        // English as en-US words it (€, £, $ and ISO codes for the rest); Spanish as Spain does
        NumberFormat format =
                NumberFormat.getCurrencyInstance(locale.getLanguage().equals("es") ? Locale.of("es", "ES") : Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        // a non-breaking space keeps "9,50 €" together; a plain one is what every font can draw
        return format.format(amount(minor, digits)).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** A price with the ISO code instead of a symbol, for fonts that cannot draw the symbol ("INR 500.00"). */
    String priceWithCode(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        return currencyCode + " " + number(minor, currency == null ? 2 : currency.getDefaultFractionDigits());
    }

    String seat(String row, int number) {
        return text("seat", row, Integer.toString(number));
    }

    String ticketType(TicketType type) {
        return text("ticket." + type.name());
    }

    /** Said only when it matters at the door; a standard seat needs no word. */
    String seatType(SeatType type) {
        return type == SeatType.STANDARD ? "" : text("seatType." + type.name());
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

    private String number(long minor, int digits) {
        NumberFormat format =
                NumberFormat.getNumberInstance(locale.getLanguage().equals("es") ? locale : Locale.US);
        format.setMinimumFractionDigits(Math.max(0, digits));
        format.setMaximumFractionDigits(Math.max(0, digits));
        return format.format(amount(minor, Math.max(0, digits))).replace('\u00a0', ' ');
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
