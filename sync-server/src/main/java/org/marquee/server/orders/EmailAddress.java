package org.marquee.server.orders;

import java.util.regex.Pattern;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;

/**
 * The e-mail addresses we send tickets to. The syntax is the common subset of RFC 5322 that mail providers accept: a
 * dot-atom local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots between them) and a host name of
 * letters, digits and hyphens with a top-level name of two letters or more. Quoted local parts and address literals
 * are refused: no kiosk customer has one, and they are where markup such as {@code <script>} would hide.
 */
final class EmailAddress {

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddress() {}

    /**
     * The address, stripped of surrounding spaces; {@code null} when none was given (JSON null or no field). Given but
     * empty, blank or not an address: 422 naming {@code field}.
     */
    static String optional(String raw, String field) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw invalid(field, "'" + field + "' is empty; give an e-mail address or leave the field out.");
        }
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > 254
                || at < 1
                || at > 64
                || !ADDRESS.matcher(trimmed).matches()) {
            throw invalid(field, "'" + field + "' does not look like an e-mail address such as name@example.com.");
        }
        return trimmed;
    }

    /** As {@link #optional}, but the address must be there. */
    static String required(String raw, String field) {
        String address = optional(raw, field);
        if (address == null) {
            throw invalid(field, "Give the e-mail address to send the tickets to in '" + field + "'.");
        }
        return address;
    }

    private static MarqueeException invalid(String field, String message) {
        return new MarqueeException(ErrorCode.INVALID_REQUEST, message, java.util.Map.of("field", field));
    }
}
