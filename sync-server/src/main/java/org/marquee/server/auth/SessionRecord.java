package org.marquee.server.auth;

import java.time.Instant;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;
import org.marquee.server.common.Principal;

/** A staff session as stored, with its staff member and the counter terminal it was started on. */
public record SessionRecord(
        long staffId,
        String username,
        Role role,
        Instant expiresAt,
        Instant endedAt,
        boolean staffActive,
        long terminalId,
        String terminalName,
        TerminalKind kind,
        long theaterId,
        Instant terminalRevokedAt,
        Instant serverTime) {

    /** Not ended, not expired, and its staff member may still sign in. */
    public boolean live() {
        return endedAt == null && expiresAt.isAfter(serverTime) && staffActive;
    }

    public Principal principal() {
        return new Principal(terminalId, terminalName, kind, theaterId, role, staffId, username);
    }
}
