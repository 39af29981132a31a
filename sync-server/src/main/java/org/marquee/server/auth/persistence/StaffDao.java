package org.marquee.server.auth.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.marquee.server.auth.LockState;
import org.marquee.server.auth.StaffRecord;

/** Staff members, their PIN hashes and their sign-in lock. */
@RegisterConstructorMapper(StaffRecord.class)
@RegisterConstructorMapper(LockState.class)
public interface StaffDao {

    @SqlQuery("""
            select id, username, display_name, role, pin_hash, failed_attempts, locked_until, active,
                   now() as server_time
              from staff
             where username = :username""")
    Optional<StaffRecord> findByUsername(@Bind("username") String username);

    /**
     * Counts one more wrong PIN and locks the account when it is the {@code maxAttempts}-th in a row, in one statement
     * so that concurrent wrong PINs are all counted (the row lock orders them). A lock that has run out starts the
     * count again; an attempt that arrives while locked does not lengthen the lock.
     */
    @SqlQuery("""
            update staff
               set failed_attempts = case when locked_until <= now() then 1 else failed_attempts + 1 end,
                   locked_until = case
                       when locked_until > now() then locked_until
                       when (case when locked_until <= now() then 1 else failed_attempts + 1 end) >= :maxAttempts
                           then now() + make_interval(secs => :lockSeconds)
                       else null end
             where id = :id
            returning failed_attempts, locked_until, now() as server_time""")
    LockState recordFailure(
            @Bind("id") long id, @Bind("maxAttempts") int maxAttempts, @Bind("lockSeconds") double lockSeconds);

    /** Clears the count after a right PIN, unless the account got locked or deactivated meanwhile; true if cleared. */
    @SqlUpdate("""
            update staff
               set failed_attempts = 0, locked_until = null
             where id = :id and active and (locked_until is null or locked_until <= now())""")
    boolean recordSuccess(@Bind("id") long id);
}
