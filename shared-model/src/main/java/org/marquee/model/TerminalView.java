package org.marquee.model;

/**
 * Answer of {@code GET /terminals/me}: the terminal behind the caller's token, its theater, and the role the caller
 * acts with; {@code username} is set for a staff session. {@code cardTerminal} says how this server takes cards:
 * {@code SIMULATED} (test tokens approve: demos and tests) or {@code NONE}; a terminal offers card payment only when
 * there is one, and invents a test token only for the simulated one.
 */
public record TerminalView(
        long terminalId,
        String name,
        TerminalKind kind,
        long theaterId,
        Role role,
        String username,
        String cardTerminal) {

    public TerminalView(long terminalId, String name, TerminalKind kind, long theaterId, Role role, String username) {
        this(terminalId, name, kind, theaterId, role, username, null);
    }
}
