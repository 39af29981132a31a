package org.marquee.kiosk.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalLong;

/** Amounts in minor units as a person reads and types them: "€22.00" in English, "22,00 €" in Spanish. */
public final class Money {

    private Money() {}

    /** {@code minor} units of {@code currency} (an ISO code) written the way {@code locale} writes money. */
    public static String format(long minor, String currency, Locale locale) {
        int digits = fractionDigits(currency);
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency));
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return format.format(amount);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a code the JDK does not know still shows as an amount with its code
            return amount.toPlainString() + " " + currency;
        }
    }

    /**
     * What a clerk typed as an amount ("20", "20.5", "20,50", "€ 20") in minor units; empty when it is not one. A
     * comma or a point both separate the decimals, since a counter keyboard may have either.
     */
    public static OptionalLong parse(String typed, String currency) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String digits = decimalPointOnly(typed.replaceAll("[^0-9.,]", ""));
        if (digits.isEmpty() || digits.equals(".")) {
            return OptionalLong.empty();
        }
        try {
            BigDecimal major = new BigDecimal(digits);
            int scale = fractionDigits(currency);
            if (major.scale() > scale) {
                return OptionalLong.empty();
            }
            BigDecimal minor = major.setScale(scale, RoundingMode.UNNECESSARY).movePointRight(scale);
            return minor.compareTo(BigDecimal.valueOf(100_000_000L)) > 0
                    ? OptionalLong.empty()
                    : OptionalLong.of(minor.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** The amount without a currency sign, as typed into a field: "25.00" in English, "25,00" in Spanish. */
    public static String plain(long minor, String currency, Locale locale) {
        int digits = fractionDigits(currency);
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /**
     * "1,250.50" and "1.250,50" both become "1250.50": with both separators the last one marks the decimals; one
     * separator used more than once groups thousands.
     */
    private static String decimalPointOnly(String digits) {
        int lastPoint = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        int decimal = Math.max(lastPoint, lastComma);
        if (decimal < 0) {
            return digits;
        }
        char separator = digits.charAt(decimal);
        boolean bothKinds = lastPoint >= 0 && lastComma >= 0;
        boolean grouping = !bothKinds && digits.indexOf(separator) != decimal;
        if (grouping) {
            return digits.replaceAll("[.,]", "");
        }
        return digits.substring(0, decimal).replaceAll("[.,]", "") + "." + digits.substring(decimal + 1);
    }

    /** How many minor units digits {@code currency} has: 2 for EUR, 0 for JPY, 2 when unknown. */
    public static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
