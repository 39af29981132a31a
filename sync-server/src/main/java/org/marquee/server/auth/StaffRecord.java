package org.marquee.server.auth;

import java.time.Instant;
import org.marquee.model.Role;

/** A staff member as stored, read together with the database's clock ({@code serverTime}); the PIN only as bcrypt. */
public record StaffRecord(
        long id,
        String username,
        String displayName,
        Role role,
        String pinHash,
        int failedAttempts,
        Instant lockedUntil,
        boolean active,
        Instant serverTime) {

    /** The sign-in lock of this record. */
    public LockState lock() {
        return new LockState(failedAttempts, lockedUntil, serverTime);
    }

    @Override
    public String toString() {
        return "StaffRecord[id=" + id + ", username=" + username + ", role=" + role + ", active=" + active + "]";
    }
}
