package org.marquee.kiosk.settings;

/**
 * Who this terminal is, as the server last said: its name, the theater it stands in, and how the server takes cards
 * ({@code SIMULATED}, {@code NONE}, or null when the server did not say).
 */
public record TerminalIdentity(String name, long theaterId, String cardTerminal) {

    public TerminalIdentity(String name, long theaterId) {
        this(name, theaterId, null);
    }

    /** True when the server has the simulated card terminal, the only one a terminal may send test tokens to. */
    public boolean simulatedCards() {
        return "SIMULATED".equals(cardTerminal);
    }
}
