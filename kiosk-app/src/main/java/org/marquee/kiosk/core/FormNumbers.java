package org.marquee.kiosk.core;

import java.math.BigDecimal;
import java.util.Currency;
import org.marquee.kiosk.i18n.Messages;

/**
 * Reads the numbers typed into a form. Blank is null (the server then says whether the field is required); text that
 * is no number at all cannot be sent as one, so it is marked at its field here and the form is not sent. Whether a
 * number is allowed (its range) is for the server to say.
 */
public final class FormNumbers {

    private final FormErrors errors;
    private final Messages messages;

    public FormNumbers(FormErrors errors, Messages messages) {
        this.errors = errors;
        this.messages = messages;
    }

    /** A number such as 40.4168 or -3.7038; null when blank or not a number (then marked at its field). */
    public Double decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.set(field, messages.get("admin.error.number"));
            return null;
        }
    }

    /** A whole number such as 20; null when blank or not one (then marked at its field). */
    public Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.set(field, messages.get("admin.error.wholeNumber"));
            return null;
        }
    }

    /**
     * An amount typed in the currency's units ({@code 9.50}) as minor units ({@code 950}), by the currency's own
     * number of decimals (two when the code is not a currency; the server then refuses the code).
     */
    public Long money(String field, String text, String currencyCode) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(',', '.'));
            return amount.movePointRight(decimals(currencyCode)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.set(field, messages.get("admin.error.amount"));
            return null;
        }
    }

    /** {@code 950} in EUR as "9.50". */
    public static String major(long minor, String currencyCode) {
        return BigDecimal.valueOf(minor).movePointLeft(decimals(currencyCode)).toPlainString();
    }

    private static int decimals(String currencyCode) {
        try {
            int digits = Currency.getInstance(currencyCode.strip()).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (RuntimeException e) {
            return 2;
        }
    }
}
