package org.marquee.kiosk.client;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.AuditEntry;

/** {@code GET /admin/audit} (DESIGN §7.5): entries newest first, a page at a time. Blocking. */
public interface AuditLog {

    List<AuditEntry> audit(Query query);

    /**
     * Null fields do not filter. {@code from} and {@code to} are days, both included; {@code before} is the id of the
     * last entry of the page before (the next page holds older entries).
     */
    record Query(LocalDate from, LocalDate to, String action, String actor, int limit, Long before) {

        public Query next(long lastId) {
            return new Query(from, to, action, actor, limit, lastId);
        }
    }
}
