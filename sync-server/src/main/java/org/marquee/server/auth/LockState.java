package org.marquee.server.auth;

import java.time.Duration;
import java.time.Instant;

/** Wrong PINs in a row of one staff member, and until when sign-in is refused, by the database's clock. */
public record LockState(int failedAttempts, Instant lockedUntil, Instant serverTime) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(serverTime);
    }

    /** How long the lock still lasts; zero when there is none. */
    public Duration remaining() {
        return locked() ? Duration.between(serverTime, lockedUntil) : Duration.ZERO;
    }
}
