package org.marquee.server.auth;

import java.time.Instant;
import org.marquee.model.TerminalKind;

/** A terminal as stored: its token only as a hash. */
public record TerminalRecord(long id, String name, TerminalKind kind, long theaterId, Instant revokedAt) {}
