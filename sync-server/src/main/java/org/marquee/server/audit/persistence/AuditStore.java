package org.marquee.server.audit.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.AuditEntry;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.Principal;

/** The audit log in PostgreSQL's {@code audit_log} table, written on the caller's handle (its transaction). */
public final class AuditStore implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final Jdbi jdbi;

    public AuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(Principal actor, String action, String entityType, Object entityId, Map<String, ?> details) {
        String json;
        try {
            json = JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into audit_log
                            (staff_id, username, terminal_id, terminal_name, action, entity_type, entity_id, details)
                        values (:staffId, :username, :terminalId, :terminalName, :action, :entityType, :entityId,
                                cast(:details as jsonb))""")
                .bind("staffId", actor == null ? null : actor.staffId())
                .bind("username", actor == null ? null : actor.username())
                .bind("terminalId", actor == null ? null : actor.terminalId())
                .bind("terminalName", actor == null ? null : actor.terminalName())
                .bind("action", action)
                .bind("entityType", entityType)
                .bind("entityId", entityId == null ? null : entityId.toString())
                .bind("details", json)
                .execute());
    }

    @Override
    public List<AuditEntry> find(AuditLog.Query query) {
        return jdbi.withHandle(handle -> {
            org.jdbi.v3.core.statement.Query statement = handle.createQuery("""
                            select id, at, staff_id, username, terminal_id, terminal_name, action, entity_type,
                                   entity_id, details::text as details
                              from audit_log
                             where (cast(:from as timestamptz) is null or at >= :from)
                               and (cast(:to as timestamptz) is null or at < :to)
                               and (cast(:action as text) is null or action = :action)
                               and (cast(:actor as text) is null or username = :actor or terminal_name = :actor)
                               and (cast(:before as bigint) is null or id < :before)
                             order by id desc
                             limit :limit""")
                    .bind("from", query.from() == null ? null : Timestamp.from(query.from()))
                    .bind("to", query.to() == null ? null : Timestamp.from(query.to()))
                    .bind("action", query.action())
                    .bind("actor", query.actor())
                    .bind("before", query.before())
                    .bind("limit", query.limit());
            return statement.map((rs, ctx) -> entry(rs)).list();
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Map<String, Object> details;
        try {
            details = JSON.readValue(rs.getString("details"), DETAILS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                new AuditEntry.Actor(
                        rs.getObject("staff_id", Long.class),
                        rs.getString("username"),
                        rs.getObject("terminal_id", Long.class),
                        rs.getString("terminal_name")),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                details);
    }
}
