package org.marquee.kiosk.checkout;

import java.util.List;

/**
 * The card terminal this build has: the server's simulated one, which answers by the token the terminal sends. No real
 * card reader is attached yet, so a card payment always sends one of these tokens; on a demo terminal the person may
 * pick which, to see a decline or a timeout, and the screen says plainly that the terminal is simulated.
 */
public final class SimulatedCardTerminal {

    /** Approves. */
    public static final String APPROVE = "tok_visa";

    /** What a demo terminal may choose, approving first. */
    public static final List<String> TOKENS = List.of(APPROVE, "tok_declined", "tok_timeout", "tok_slow_3000");

    private SimulatedCardTerminal() {}

    /** Whether to offer the choice of card: only on the demo's terminals, whose tokens are their names. */
    public static boolean choiceOffered(String terminalToken) {
        return terminalToken != null && terminalToken.startsWith("demo-");
    }
}
