package org.marquee.server.common;

import org.marquee.model.Role;
import org.marquee.model.TerminalKind;

/**
 * Who is calling: the terminal behind the token and the role it acts with. For a staff session (CLERK, MANAGER) the
 * terminal is the counter terminal the session was started on, and {@code staffId} and {@code username} say who is
 * signed in; for a terminal's own token both are null.
 */
public record Principal(
        long terminalId,
        String terminalName,
        TerminalKind kind,
        long theaterId,
        Role role,
        Long staffId,
        String username) {

    /** A terminal acting with its own token, nobody signed in. */
    public Principal(long terminalId, String terminalName, TerminalKind kind, long theaterId, Role role) {
        this(terminalId, terminalName, kind, theaterId, role, null, null);
    }

    /** True for a staff session, false for a terminal's own token. */
    public boolean isStaff() {
        return staffId != null;
    }

    /** Label for logs: the terminal's name, never its token. */
    public String logName() {
        return terminalName;
    }
}
