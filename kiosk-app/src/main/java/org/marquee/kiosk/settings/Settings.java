package org.marquee.kiosk.settings;

import java.util.Locale;

/**
 * How this terminal is set up: which server it talks to, with which terminal token, in which mode, language and
 * contrast, and whether it prints the tickets by itself after a payment ({@code autoPrint}; null: the mode's default,
 * see {@link #printsAfterPayment()}). {@code serverUrl} and {@code terminalToken} are null until the terminal has been
 * set up. The token is a secret: {@link #toString()} never shows it.
 */
public record Settings(
        String serverUrl, String terminalToken, Mode mode, String language, boolean highContrast, Boolean autoPrint) {

    /** Languages the application has texts for. */
    public static final String ENGLISH = "en";

    public static final String SPANISH = "es";

    public Settings {
        serverUrl = blankToNull(serverUrl);
        terminalToken = blankToNull(terminalToken);
        mode = mode == null ? Mode.COUNTER : mode;
        language = SPANISH.equalsIgnoreCase(language) ? SPANISH : ENGLISH;
    }

    /** Settings with the mode's default for printing after a payment. */
    public Settings(String serverUrl, String terminalToken, Mode mode, String language, boolean highContrast) {
        this(serverUrl, terminalToken, mode, language, highContrast, null);
    }

    /**
     * Whether the tickets go to the printer as soon as a sale is paid: as set, else yes at a kiosk (a customer
     * walks away with paper, nobody presses "Print") and no at a counter (the clerk asks the customer first).
     */
    public boolean printsAfterPayment() {
        return autoPrint != null ? autoPrint : mode == Mode.KIOSK;
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
        return new Settings(url, token, newMode, language, highContrast, autoPrint);
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(serverUrl, terminalToken, mode, newLanguage, highContrast, autoPrint);
    }

    public Settings withHighContrast(boolean on) {
        return new Settings(serverUrl, terminalToken, mode, language, on, autoPrint);
    }

    /** {@code null} goes back to the mode's default. */
    public Settings withAutoPrint(Boolean on) {
        return new Settings(serverUrl, terminalToken, mode, language, highContrast, on);
    }

    @Override
    public String toString() {
        return "Settings[serverUrl=" + serverUrl + ", terminalToken=" + (terminalToken == null ? "none" : "***")
                + ", mode=" + mode + ", language=" + language + ", highContrast=" + highContrast + ", autoPrint="
                + (autoPrint == null ? "default" : autoPrint) + "]";
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
