package org.marquee.kiosk.core;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marquee.kiosk.i18n.Messages;

/**
 * Cash in a drawer as a clerk counts and types it: two decimals and no currency sign, since a shift carries no
 * currency (docs/decisions/0024). "150.00" or "150,00" is 15000 minor units; anything else is refused in words.
 */
public final class DrawerCash {

    /** The most a drawer holds, as the server allows it: 10,000,000.00. */
    public static final long MAX_MINOR = 1_000_000_000L;

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)(?:[.,](\\d{1,2}))?");
    private static final Pattern TOO_PRECISE = Pattern.compile("\\d*[.,]\\d{3,}");

    private DrawerCash() {}

    /** What was typed: an amount, or why it is none. */
    public sealed interface Typed permits Amount, Refused {}

    /** An amount in minor units (cents). */
    public record Amount(long minor) implements Typed {}

    /** Not an amount; {@code messageKey} says why, for a person. */
    public record Refused(String messageKey) implements Typed {}

    /** Reads an amount typed as {@code 150}, {@code 150.5}, {@code 150.00} or {@code 150,00}. */
    public static Typed read(String typed) {
        String text = typed == null ? "" : typed.strip().replace(" ", "");
        if (text.isEmpty()) {
            return new Refused("shift.error.empty");
        }
        if (text.startsWith("-")) {
            return new Refused("shift.error.negative");
        }
        if (TOO_PRECISE.matcher(text).matches()) {
            return new Refused("shift.error.decimals");
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.matches()) {
            return new Refused("shift.error.notAmount");
        }
        if (amount.group(1).length() > 8) {
            return new Refused("shift.error.tooLarge");
        }
        String cents = amount.group(2) == null ? "00" : (amount.group(2) + "0").substring(0, 2);
        long minor = Long.parseLong(amount.group(1)) * 100 + Long.parseLong(cents);
        return minor > MAX_MINOR ? new Refused("shift.error.tooLarge") : new Amount(minor);
    }

    /** {@code 150000} as "1,500.00" in English, "1.500,00" in Spanish. */
    public static String format(long minor, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(minor, 2));
    }

    /** A variance in words: "2.50 short", "1.00 over", "Balanced"; empty for a shift not counted yet. */
    public static String variance(Long varianceMinor, Messages messages) {
        if (varianceMinor == null) {
            return "";
        }
        if (varianceMinor == 0) {
            return messages.get("shift.variance.balanced");
        }
        String amount = format(Math.abs(varianceMinor), messages.locale());
        return messages.get(varianceMinor < 0 ? "shift.variance.short" : "shift.variance.over", amount);
    }
}
