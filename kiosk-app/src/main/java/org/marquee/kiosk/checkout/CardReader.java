package org.marquee.kiosk.checkout;

import org.marquee.kiosk.settings.TerminalIdentity;

/**
 * What takes cards at this terminal, as the server says ({@code GET /terminals/me}, {@code cardTerminal}). No real card
 * reader is attached to this build, so a terminal sends a card token only to the server's simulated card terminal;
 * against a server without one it offers no card payment at all and never invents a token.
 */
public enum CardReader {
    /** The server takes no cards (or did not say): card payment is not offered. */
    NONE,
    /** The server's simulated card terminal: a card payment sends its approving test token. */
    SIMULATED,
    /** The simulated card terminal on a demo terminal: the person may pick the test token's answer. */
    SIMULATED_WITH_CHOICE;

    /** From what the server last said about itself, and this terminal's token (demo tokens start {@code demo-}). */
    public static CardReader of(TerminalIdentity identity, String terminalToken) {
        if (identity == null || !identity.simulatedCards()) {
            return NONE;
        }
        return SimulatedCardTerminal.choiceOffered(terminalToken) ? SIMULATED_WITH_CHOICE : SIMULATED;
    }

    public boolean takesCards() {
        return this != NONE;
    }
}
