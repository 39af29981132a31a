package org.marquee.server.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.marquee.model.Role;
import org.marquee.server.auth.SessionRecord;

/** Staff sessions, by the SHA-256 of their token. */
@RegisterConstructorMapper(SessionRecord.class)
public interface StaffSessionDao {

    /** Starts a session lasting {@code seconds} by the database's clock; returns when it expires. */
    @SqlQuery("""
            insert into staff_sessions (token_hash, staff_id, terminal_id, role, expires_at)
            values (:hash, :staffId, :terminalId, :role, now() + make_interval(secs => :seconds))
            returning expires_at""")
    Instant create(
            @Bind("hash") String tokenHash,
            @Bind("staffId") long staffId,
            @Bind("terminalId") long terminalId,
            @Bind("role") Role role,
            @Bind("seconds") double seconds);

    @SqlQuery("""
            select s.staff_id, st.username, s.role, s.expires_at, s.ended_at, st.active as staff_active,
                   t.id as terminal_id, t.name as terminal_name, t.kind, t.theater_id,
                   t.revoked_at as terminal_revoked_at, now() as server_time
              from staff_sessions s
              join staff st on st.id = s.staff_id
              join terminals t on t.id = s.terminal_id
             where s.token_hash = :hash""")
    Optional<SessionRecord> findByTokenHash(@Bind("hash") String tokenHash);

    /** Ends the session; false when it had already ended. */
    @SqlUpdate("update staff_sessions set ended_at = now() where token_hash = :hash and ended_at is null")
    boolean end(@Bind("hash") String tokenHash);
}
