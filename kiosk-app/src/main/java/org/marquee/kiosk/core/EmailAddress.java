package org.marquee.kiosk.core;

import java.util.regex.Pattern;

/** Whether a typed e-mail address looks right, by the server's own rule, so a typo is caught before a request. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private EmailAddress() {}

    public static boolean looksValid(String typed) {
        return typed != null
                && typed.strip().length() <= 254
                && SHAPE.matcher(typed.strip()).matches();
    }
}
