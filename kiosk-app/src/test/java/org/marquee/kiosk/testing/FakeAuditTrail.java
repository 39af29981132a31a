package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.marquee.kiosk.client.AuditLog;
import org.marquee.model.AuditEntry;

/**
 * The audit log as {@code GET /admin/audit} answers it (DESIGN §7.5): every change the admin fakes make is written
 * here, entries newest first, filtered by days (UTC, both included), action and actor (username or terminal name),
 * paged by {@code limit} and {@code before}. Entries are never changed.
 */
public final class FakeAuditTrail implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final Clock clock;
    private AuditEntry.Actor actor = new AuditEntry.Actor(1L, "morgan", 1L, "Counter 1");

    public FakeAuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Who the next entries are written for. */
    public synchronized void actingAs(String username, String terminalName) {
        actor = new AuditEntry.Actor(1L, username, 1L, terminalName);
    }

    public synchronized void record(String action, String entityType, Object entityId, Map<String, Object> details) {
        entries.add(new AuditEntry(
                entries.size() + 1L,
                clock.instant(),
                actor,
                action,
                entityType,
                String.valueOf(entityId),
                Map.copyOf(details)));
    }

    /** Writes an entry at a given time, for a test of the filters. */
    public synchronized void recordAt(Instant at, String username, String action) {
        entries.add(new AuditEntry(
                entries.size() + 1L,
                at,
                new AuditEntry.Actor(2L, username, 1L, "Counter 1"),
                action,
                "theater",
                "1",
                Map.of()));
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized List<AuditEntry> audit(Query query) {
        Instant from = query.from() == null ? null : start(query.from());
        Instant to = query.to() == null ? null : start(query.to().plusDays(1));
        if (from != null && to != null && !from.isBefore(to)) {
            throw Refusals.invalid("to", "'from' must be before 'to'.");
        }
        int limit = query.limit() <= 0 ? 100 : query.limit();
        if (limit > 1000) {
            throw Refusals.invalid("limit", "'limit' must be between 1 and 1000.");
        }
        return entries.stream()
                .filter(entry -> from == null || !entry.at().isBefore(from))
                .filter(entry -> to == null || entry.at().isBefore(to))
                .filter(entry -> query.action() == null || entry.action().equals(query.action()))
                .filter(entry -> query.actor() == null
                        || query.actor().equals(entry.actor().username())
                        || query.actor().equals(entry.actor().terminalName()))
                .filter(entry -> query.before() == null || entry.id() < query.before())
                .sorted(Comparator.comparingLong(AuditEntry::id).reversed())
                .limit(limit)
                .toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
