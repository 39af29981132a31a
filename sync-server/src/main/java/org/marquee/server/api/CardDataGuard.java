package org.marquee.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marquee.server.common.MarqueeException;

/**
 * Invariant 7: no card number, security code or track data ever enters Marquee. A request carrying what looks like
 * one (a 13 to 19 digit run that passes the Luhn check, or a field named like a security code or track) is refused
 * before anything reads, stores or logs it.
 */
public final class CardDataGuard {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    /** A field name of card data, matched against the text between two quotes that a colon follows. */
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "cvv2?|cvc2?|cid|csc|security_?code|card_?number|pan|track_?[12]?|track_?data|magstripe",
            Pattern.CASE_INSENSITIVE);
    /** The longest name {@link #SENSITIVE_NAME} matches ({@code security_code}, {@code card_number}). */
    private static final int LONGEST_NAME = 13;
    /** The fewest digits a card number has: text with fewer digits in all holds none. */
    private static final int FEWEST_CARD_DIGITS = 13;
    /** UUIDs can hold long digit runs across their hyphens; they are ids, never cards. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern LONG_DIGITS = Pattern.compile("\\d[\\d -]{10,}\\d");

    private CardDataGuard() {}

    static void check(Context ctx) {
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (containsCardData(ctx.path()) || containsCardData(query) || containsCardData(body)) {
            throw MarqueeException.invalid("Card numbers, security codes and track data are never accepted here."
                    + " Pay through the card terminal, which sends a token instead.");
        }
    }

    static boolean containsCardData(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (hasSensitiveField(text)) {
            return true;
        }
        if (digits(text) < FEWEST_CARD_DIGITS) {
            // most requests: ids, counts and prices, without the scans below
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(UUID_TEXT.matcher(text).replaceAll("uuid"));
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            for (int length = 19; length >= 13; length--) {
                for (int start = 0; start + length <= digits.length(); start++) {
                    if (luhn(digits.substring(start, start + length))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when a quoted name of card data is followed, after optional white space, by a colon: what the pattern
     * {@code "(name)"\s*:} finds anywhere in the text, in one pass that only looks closer at short quoted names.
     */
    private static boolean hasSensitiveField(String text) {
        for (int open = text.indexOf('"'); open >= 0; ) {
            int close = text.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            int length = close - open - 1;
            if (length >= 3 && length <= LONGEST_NAME) {
                int after = close + 1;
                while (after < text.length() && isSpace(text.charAt(after))) {
                    after++;
                }
                if (after < text.length()
                        && text.charAt(after) == ':'
                        && SENSITIVE_NAME.matcher(text).region(open + 1, close).matches()) {
                    return true;
                }
            }
            // the closing quote may open the next name, as the pattern would try it
            open = close;
        }
        return false;
    }

    /** {@code \s} of a regular expression: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int digits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /** A path or message with long digit runs masked, for logs: whatever slipped through is not written down. */
    static String masked(String text) {
        return LONG_DIGITS.matcher(text).replaceAll("[digits]");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
