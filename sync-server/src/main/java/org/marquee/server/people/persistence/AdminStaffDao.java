package org.marquee.server.people.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.marquee.model.Role;
import org.marquee.model.StaffMember;

/** Staff members as managers see them: never with the PIN hash. */
@RegisterConstructorMapper(StaffMember.class)
public interface AdminStaffDao {

    String COLUMNS = "id, username, display_name, role, active, created_at";

    /**
     * One lock for every change to who is an active manager, held to the end of the transaction: two managers who
     * demote or deactivate each other at once are ordered, and the second sees the first's change.
     */
    long MANAGERS_LOCK = 7402182;

    @SqlQuery("select " + COLUMNS + " from staff order by id")
    List<StaffMember> list();

    @SqlQuery("select " + COLUMNS + " from staff where id = :id")
    Optional<StaffMember> find(@Bind("id") long id);

    @SqlQuery("select " + COLUMNS + " from staff where id = :id for update")
    Optional<StaffMember> lock(@Bind("id") long id);

    /** Creates a staff member; empty when the username is taken. */
    @SqlQuery("""
            insert into staff (username, display_name, role, pin_hash)
            values (:username, :displayName, :role, :pinHash)
            on conflict (username) do nothing
            returning\s""" + COLUMNS)
    Optional<StaffMember> create(
            @Bind("username") String username,
            @Bind("displayName") String displayName,
            @Bind("role") Role role,
            @Bind("pinHash") String pinHash);

    @SqlQuery("select pg_advisory_xact_lock(" + MANAGERS_LOCK + ")::text")
    String lockManagers();

    /** Active managers other than {@code id}, read after {@link #lockManagers} in a new statement's snapshot. */
    @SqlQuery("select count(*) from staff where role = 'MANAGER' and active and id <> :id")
    int otherActiveManagers(@Bind("id") long id);

    @SqlQuery("select count(*) from staff where role = 'MANAGER' and active")
    int activeManagers();

    @SqlQuery("""
            update staff
               set display_name = :displayName, role = :role, active = :active
             where id = :id
            returning\s""" + COLUMNS)
    StaffMember update(
            @Bind("id") long id,
            @Bind("displayName") String displayName,
            @Bind("role") Role role,
            @Bind("active") boolean active);

    /** A new PIN; the sign-in lock and its count of wrong PINs start again. */
    @SqlUpdate("update staff set pin_hash = :pinHash, failed_attempts = 0, locked_until = null where id = :id")
    void resetPin(@Bind("id") long id, @Bind("pinHash") String pinHash);

    /** Ends every live session of the staff member; the number ended. */
    @SqlUpdate("update staff_sessions set ended_at = now() where staff_id = :id and ended_at is null")
    int endSessions(@Bind("id") long id);
}
