package org.marquee.kiosk.settings;

import java.util.Locale;

/**
 * How this terminal is set up: which server it talks to, with which terminal token, in which mode, language and
 * contrast. {@code serverUrl} and {@code terminalToken} are null until the terminal has been set up. The token is a
 * secret: {@link #toString()} never shows it.
 */
public record Settings(String serverUrl, String terminalToken, Mode mode, String language, boolean highContrast) {

    /** Languages the application has texts for. */
    public static final String ENGLISH = "en";

    public static final String SPANISH = "es";

    public Settings {
        serverUrl = blankToNull(serverUrl);
        terminalToken = blankToNull(terminalToken);
        mode = mode == null ? Mode.COUNTER : mode;
        language = SPANISH.equalsIgnoreCase(language) ? SPANISH : ENGLISH;
    }

    /** A terminal that has not been set up yet. */
    public static Settings initial() {
        return new Settings(null, null, Mode.COUNTER, ENGLISH, false);
    }

    /** True when the terminal knows its server and token, so it can skip the setup screen. */
    public boolean complete() {
        return serverUrl != null && terminalToken != null;
    }

    public Locale locale() {
        return Locale.of(language);
    }

    public Settings withServer(String url, String token, Mode newMode) {
        return new Settings(url, token, newMode, language, highContrast);
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(serverUrl, terminalToken, mode, newLanguage, highContrast);
    }

    public Settings withHighContrast(boolean on) {
        return new Settings(serverUrl, terminalToken, mode, language, on);
    }

    @Override
    public String toString() {
        return "Settings[serverUrl=" + serverUrl + ", terminalToken=" + (terminalToken == null ? "none" : "***")
                + ", mode=" + mode + ", language=" + language + ", highContrast=" + highContrast + "]";
    }

    /**
     * What a person types as the server's address, made regular: "box-office:8080" means "http://box-office:8080",
     * and a trailing slash or the API's own path ("/api/v1", which the client adds) is dropped. Blank stays blank.
     */
    public static String normalizeServerUrl(String typed) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty()) {
            return "";
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/v1")) {
            url = url.substring(0, url.length() - "/api/v1".length());
        }
        return url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
