package org.marquee.server.auth.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.TerminalRecord;

/** Terminals and their token hashes. */
@RegisterConstructorMapper(TerminalRecord.class)
public interface TerminalDao {

    @SqlQuery("select id, name, kind, theater_id, revoked_at from terminals where token_hash = :hash")
    Optional<TerminalRecord> findByTokenHash(@Bind("hash") String tokenHash);

    /** Creates a terminal unless one of that name exists; true when it was created. */
    @SqlUpdate("""
            insert into terminals (name, kind, theater_id, token_hash)
            values (:name, :kind, :theaterId, :hash)
            on conflict do nothing""")
    boolean createIfAbsent(
            @Bind("name") String name,
            @Bind("kind") TerminalKind kind,
            @Bind("theaterId") long theaterId,
            @Bind("hash") String tokenHash);
}
