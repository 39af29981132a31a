package org.marquee.model;

import java.time.Instant;

/** A staff member as managers see it (DESIGN §7.2), never with the PIN. */
public record StaffMember(long id, String username, String displayName, Role role, boolean active, Instant createdAt) {}
