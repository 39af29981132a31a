package org.marquee.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log (DESIGN §7.5): who did what to which entity, when, with the details of the change.
 * {@code entityId} is text because entities have numeric ids (theaters, showtimes) or UUIDs (orders, holds).
 */
public record AuditEntry(
        long id,
        Instant at,
        Actor actor,
        String action,
        String entityType,
        String entityId,
        Map<String, Object> details) {

    /** The staff member signed in and the terminal they used; a null staff id for a terminal acting alone. */
    public record Actor(Long staffId, String username, Long terminalId, String terminalName) {}
}
