package org.marquee.model;

/**
 * Answer of {@code GET /terminals/me}: the terminal behind the caller's token, its theater, and the role the caller
 * acts with; {@code username} is set for a staff session.
 */
public record TerminalView(
        long terminalId, String name, TerminalKind kind, long theaterId, Role role, String username) {}
