package org.marquee.server.people.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalKind;

/** Terminals as managers see them; tokens only ever as their SHA-256. */
@RegisterConstructorMapper(AdminTerminal.class)
public interface AdminTerminalDao {

    String COLUMNS = "id, name, kind, theater_id, created_at, revoked_at, null as token, null as enrollment";

    @SqlQuery("select " + COLUMNS + " from terminals order by id")
    List<AdminTerminal> list();

    @SqlQuery("select " + COLUMNS + " from terminals where id = :id")
    Optional<AdminTerminal> find(@Bind("id") long id);

    /** Locks the terminal's row for the rest of the transaction, so that a revoke and a rotation are ordered. */
    @SqlQuery("select " + COLUMNS + " from terminals where id = :id for update")
    Optional<AdminTerminal> lock(@Bind("id") long id);

    /** Creates a terminal; empty when one of that name exists already. */
    @SqlQuery("""
            insert into terminals (name, kind, theater_id, token_hash)
            values (:name, :kind, :theaterId, :hash)
            on conflict (name) do nothing
            returning\s""" + COLUMNS)
    Optional<AdminTerminal> create(
            @Bind("name") String name,
            @Bind("kind") TerminalKind kind,
            @Bind("theaterId") long theaterId,
            @Bind("hash") String tokenHash);

    @SqlQuery("update terminals set revoked_at = now() where id = :id returning " + COLUMNS)
    AdminTerminal revoke(@Bind("id") long id);

    @SqlQuery("update terminals set token_hash = :hash where id = :id returning " + COLUMNS)
    AdminTerminal replaceToken(@Bind("id") long id, @Bind("hash") String tokenHash);

    @SqlQuery("select exists (select 1 from theaters where id = :id)")
    boolean theaterExists(@Bind("id") long theaterId);

    /**
     * Sends {@code payload} on {@code marquee_tokens} when the current transaction commits (at once outside one); a
     * change's id or its acknowledgement, never a token.
     */
    @SqlQuery("select pg_notify('marquee_tokens', :payload)::text")
    String notifyTokens(@Bind("payload") String payload);

    /** The listening connections of every server instance on this database. */
    @SqlQuery("""
            select count(*) from pg_stat_activity
             where application_name = :name and datname = current_database()""")
    int listeners(@Bind("name") String applicationName);
}
