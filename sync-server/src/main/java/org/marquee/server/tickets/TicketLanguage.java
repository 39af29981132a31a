package org.marquee.server.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages tickets and confirmation e-mails are written in: English and Spanish. A terminal says which with
 * {@code Accept-Language} (DESIGN §4, additive); anything else, or nothing, is English.
 */
public final class TicketLanguage {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.of("es");
    private static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);

    private TicketLanguage() {}

    /**
     * The best supported language an {@code Accept-Language} header asks for ("es", "es-ES,es;q=0.9,en;q=0.8"), or
     * empty when it asks for none of them, is absent, or cannot be read.
     */
    public static Optional<Locale> fromHeader(String header) {
        if (header == null || header.isBlank() || header.length() > 200) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return Optional.ofNullable(Locale.lookup(ranges, SUPPORTED));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed header asks for nothing in particular
        }
    }

    /** A stored language tag ("es", "en") as a supported language; English for null or any other. */
    public static Locale fromTag(String tag) {
        return tag != null && tag.strip().equalsIgnoreCase("es") ? SPANISH : ENGLISH;
    }

    /** {@code language} if tickets can be written in it, else English. */
    static Locale supported(Locale language) {
        return language != null && language.getLanguage().equals("es") ? SPANISH : ENGLISH;
    }
}
