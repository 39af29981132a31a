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
    private static final Pattern SENSITIVE_FIELD = Pattern.compile(
            "\"(cvv2?|cvc2?|cid|csc|security_?code|card_?number|pan|track_?[12]?|track_?data|magstripe)\"\\s*:",
            Pattern.CASE_INSENSITIVE);
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
        if (SENSITIVE_FIELD.matcher(text).find()) {
            return true;
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
