package org.marquee.model;

import java.time.Instant;

/** Answer of {@code POST /sessions}: the staff session token to send as bearer from now on. */
public record SessionView(String token, Role role, String username, String displayName, Instant expiresAt) {
    @Override
    public String toString() {
        return "SessionView[role=" + role + ", username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
