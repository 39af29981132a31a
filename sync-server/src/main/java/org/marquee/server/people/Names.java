package org.marquee.server.people;

import java.util.regex.Pattern;
import org.marquee.server.common.MarqueeException;

/** Checks the names and PINs that managers type, each refusal naming its field (DESIGN §7: 422 INVALID_REQUEST). */
final class Names {

    static final int MAX_NAME = 100;
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,40}");

    private Names() {}

    /** A display name or terminal name: not blank, at most {@link #MAX_NAME} characters, stripped. */
    static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw MarqueeException.invalid("'" + field + "' must not be empty.");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_NAME) {
            throw MarqueeException.invalid("'" + field + "' is at most " + MAX_NAME + " characters long.");
        }
        return stripped;
    }

    /** A username: 1 to 40 letters, digits, dots, dashes, underscores or @, no spaces; kept as typed otherwise. */
    static String username(String value) {
        if (value == null || value.isBlank()) {
            throw MarqueeException.invalid("'username' must not be empty.");
        }
        String stripped = value.strip();
        if (!USERNAME.matcher(stripped).matches()) {
            throw MarqueeException.invalid(
                    "'username' is 1 to 40 letters, digits, dots, dashes, underscores or @, without spaces.");
        }
        return stripped;
    }

    /** A PIN of 4 to 8 digits; the message never repeats what was typed. */
    static String pin(String value) {
        if (value == null || !PIN.matcher(value).matches()) {
            throw MarqueeException.invalid("'pin' must be 4 to 8 digits.");
        }
        return value;
    }
}
