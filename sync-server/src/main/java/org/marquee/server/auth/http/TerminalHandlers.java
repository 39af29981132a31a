package org.marquee.server.auth.http;

import io.javalin.http.Context;
import org.marquee.model.TerminalView;
import org.marquee.server.common.Principal;
import org.marquee.server.web.Requests;

/** {@code GET /terminals/me}: who this terminal is, so it can show its own theater first. */
public final class TerminalHandlers {

    private final String cardTerminal;

    /** {@code cardTerminal}: SIMULATED or NONE, told to terminals so that they never invent a card token. */
    public TerminalHandlers(String cardTerminal) {
        this.cardTerminal = cardTerminal;
    }

    public void me(Context ctx) {
        Principal caller = Requests.principal(ctx);
        ctx.json(new TerminalView(
                caller.terminalId(),
                caller.terminalName(),
                caller.kind(),
                caller.theaterId(),
                caller.role(),
                caller.username(),
                cardTerminal));
    }
}
