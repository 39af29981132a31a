package org.marquee.model;

import java.time.Instant;

/**
 * A terminal as managers see it (DESIGN §7.2). {@code token} and {@code enrollment} (a
 * {@code marquee://enroll?server=…&token=…} text for the terminal's setup screen) are set only in the answer that
 * creates the token (create, rotate-token) and never again; elsewhere they are null.
 */
public record AdminTerminal(
        long id,
        String name,
        TerminalKind kind,
        long theaterId,
        Instant createdAt,
        Instant revokedAt,
        String token,
        String enrollment) {}
