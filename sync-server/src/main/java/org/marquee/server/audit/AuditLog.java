package org.marquee.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.marquee.model.AuditEntry;
import org.marquee.server.common.Principal;

/**
 * The audit log (DESIGN §7.5). {@link #record} writes one entry in the caller's transaction, so it is committed with
 * the effect it describes or not at all: call it inside the unit of work (or the store transaction) of the change.
 * Entries are never updated or deleted; PostgreSQL refuses it.
 */
public interface AuditLog {

    /**
     * Records that {@code actor} did {@code action} (for example {@code THEATER_UPDATED}) to the entity
     * {@code entityType}/{@code entityId}; {@code details} is what a reader needs to understand the change (never a
     * secret: no token, PIN or card data).
     */
    void record(Principal actor, String action, String entityType, Object entityId, Map<String, ?> details);

    /** Entries newest first, filtered; {@code before} is an entry id for the next page. */
    List<AuditEntry> find(Query query);

    /** What {@code GET /admin/audit} asks for; null fields do not filter. */
    record Query(Instant from, Instant to, String action, String actor, int limit, Long before) {}
}
