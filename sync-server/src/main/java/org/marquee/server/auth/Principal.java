package org.marquee.server.auth;

import org.marquee.model.Role;
import org.marquee.model.TerminalKind;

/** Who is calling: the terminal behind the token and the role it acts with. */
public record Principal(long terminalId, String terminalName, TerminalKind kind, long theaterId, Role role) {

    /** Label for logs: the terminal's name, never its token. */
    public String logName() {
        return terminalName;
    }
}
