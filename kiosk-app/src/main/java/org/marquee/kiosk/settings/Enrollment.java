package org.marquee.kiosk.settings;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The enrollment text a manager gets with a new terminal token (DESIGN §7.2):
 * {@code marquee://enroll?server=<URL-encoded address>&token=<token>}, pasted into the setup screen or typed into it by
 * a USB barcode reader scanning its QR code.
 */
public record Enrollment(String serverUrl, String token) {

    public static final String PREFIX = "marquee://enroll?";

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** A token as the server makes them: 256 random bits in base64url. */
    private static final Pattern SERVER_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** True when {@code text} starts like an enrollment text (whether or not it is complete and valid). */
    public static boolean looksLike(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * True when {@code text} is a whole enrollment text with a token as the server makes them: a barcode reader that
     * types it character by character has then finished (a longer token waits for its Enter).
     */
    public static boolean complete(String text) {
        return parse(text)
                        .filter(e -> SERVER_TOKEN.matcher(e.token()).matches())
                        .isPresent()
                && text.strip().endsWith(parse(text).orElseThrow().token());
    }

    /** The server address (as {@link Settings#normalizeServerUrl} keeps it) and token, or empty when it is not one. */
    public static Optional<Enrollment> parse(String text) {
        if (!looksLike(text)) {
            return Optional.empty();
        }
        String query = text.strip().substring(PREFIX.length());
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            try {
                values.put(
                        pair.substring(0, eq).toLowerCase(Locale.ROOT),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String server = Settings.normalizeServerUrl(values.get("server"));
        String token = values.get("token");
        if (server.isEmpty() || token == null || !TOKEN.matcher(token).matches() || !webAddress(server)) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(server, token));
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Enrollment[serverUrl=" + serverUrl + "]"; // never the token
    }
}
