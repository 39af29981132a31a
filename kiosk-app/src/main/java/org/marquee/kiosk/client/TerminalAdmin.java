package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalRequest;

/**
 * {@code /admin/terminals} (DESIGN §7.2). {@link #createTerminal} and {@link #rotateToken} answer the token and its
 * enrollment text, once; the list never has them. Blocking; {@link ApiProblem} on refusal.
 */
public interface TerminalAdmin {

    List<AdminTerminal> terminals();

    AdminTerminal createTerminal(TerminalRequest request);

    /** The terminal's token stops working at once. */
    AdminTerminal revokeTerminal(long id);

    /** A new token replaces the old one, which stops working at once. */
    AdminTerminal rotateToken(long id);
}
