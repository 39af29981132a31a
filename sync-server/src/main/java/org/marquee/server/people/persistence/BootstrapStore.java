package org.marquee.server.people.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;

/**
 * The first theater, manager and counter terminal of an empty production database, written in one transaction under
 * an advisory lock, and only while the database has no manager (DESIGN §7.2).
 */
public final class BootstrapStore {

    /** Serializes bootstraps of one database: two run at once, one creates and the other finds a manager. */
    private static final long LOCK = 7402183;

    /** What was created. */
    public record Created(long theaterId, long staffId, long terminalId) {}

    /** The first theater's fields, as checked. */
    public record Theater(String name, String address, double lat, double lon, String timeZone) {}

    private final Jdbi jdbi;

    public BootstrapStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Creates theater, manager and counter terminal, with an audit entry, unless the database has a manager (active
     * or not): then nothing, and empty.
     */
    public Optional<Created> create(
            Theater theater,
            String username,
            String displayName,
            String pinHash,
            String terminalName,
            String tokenHash,
            Map<String, Object> details) {
        String detailsJson;
        try {
            detailsJson = new ObjectMapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details could not be written as JSON", e);
        }
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            boolean hasManager = handle.createQuery("select exists (select 1 from staff where role = 'MANAGER')")
                    .mapTo(Boolean.class)
                    .one();
            if (hasManager) {
                return Optional.empty();
            }
            long theaterId = insert(
                    handle,
                    """
                    insert into theaters (name, address, lat, lon, time_zone)
                    values (:name, :address, :lat, :lon, :zone) returning id""",
                    Map.of(
                            "name", theater.name(),
                            "address", theater.address(),
                            "lat", theater.lat(),
                            "lon", theater.lon(),
                            "zone", theater.timeZone()));
            long staffId = insert(
                    handle,
                    """
                    insert into staff (username, display_name, role, pin_hash)
                    values (:username, :name, :role, :hash) returning id""",
                    Map.of("username", username, "name", displayName, "role", Role.MANAGER.name(), "hash", pinHash));
            long terminalId = insert(
                    handle,
                    """
                    insert into terminals (name, kind, theater_id, token_hash)
                    values (:name, :kind, :theater, :hash) returning id""",
                    Map.of(
                            "name", terminalName,
                            "kind", TerminalKind.COUNTER.name(),
                            "theater", theaterId,
                            "hash", tokenHash));
            handle.createUpdate("""
                            insert into audit_log (staff_id, username, action, entity_type, entity_id, details)
                            values (:staffId, :username, 'BOOTSTRAPPED', 'THEATER', :theaterId,
                                    cast(:details as jsonb))""")
                    .bind("staffId", staffId)
                    .bind("username", username)
                    .bind("theaterId", Long.toString(theaterId))
                    .bind("details", detailsJson)
                    .execute();
            return Optional.of(new Created(theaterId, staffId, terminalId));
        });
    }

    private static long insert(Handle handle, String sql, Map<String, Object> values) {
        var statement = handle.createQuery(sql);
        values.forEach(statement::bind);
        return statement.mapTo(Long.class).one();
    }
}
