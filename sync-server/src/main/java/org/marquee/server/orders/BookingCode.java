package org.marquee.server.orders;

import java.security.SecureRandom;

/**
 * Booking codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), read out at a
 * counter or typed on a kiosk. 24^6 ≈ 191 million codes; a collision is caught by the unique key and retried.
 */
public final class BookingCode {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCode() {}

    public static String next() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** True for text that could be a booking code, in any case: lookups go by code or by order id. */
    public static boolean looksLikeOne(String text) {
        if (text == null || text.length() != 6) {
            return false;
        }
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
