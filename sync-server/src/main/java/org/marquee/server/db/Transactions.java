package org.marquee.server.db;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when PostgreSQL aborts it for a deadlock or a serialization failure: two holds that lock
 * overlapping seats in different statements can deadlock, and the loser should simply try once more. A transaction
 * whose connection broke before it reached its commit (a pooled connection that died in a database restart or a
 * failover) never happened, so it is tried once more too, on a fresh connection.
 */
public final class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private static final int ATTEMPTS = 4;
    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    /**
     * A broken connection is tried again only when it failed this fast: a connection that went silent has already
     * used up the request's time (DESIGN §10: no request waits more than about 5 s).
     */
    static final long QUICK_FAILURE_NANOS = 1_000_000_000L;

    private Transactions() {}

    public static <R, X extends Exception> R retrying(Jdbi jdbi, HandleCallback<R, X> work) throws X {
        if (UnitOfWork.active()) {
            // inside a unit of work this is a savepoint of its transaction: undone alone if it throws, committed with
            // the unit; an abort for a deadlock or a lost connection fails the whole unit
            return jdbi.withHandle(handle -> savepoint(handle, work));
        }
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            boolean[] reachedCommit = {false};
            long started = System.nanoTime();
            try {
                return jdbi.inTransaction(handle -> {
                    R result = work.withHandle(handle);
                    reachedCommit[0] = true;
                    return result;
                });
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    log.warn("event=transaction_retry attempt={} reason={}", attempt, sqlState(e));
                } else if (!reconnected
                        && !reachedCommit[0]
                        && System.nanoTime() - started < QUICK_FAILURE_NANOS
                        && DatabaseFailures.isConnectionFailure(e)) {
                    // a commit that broke may have happened: only a transaction that never got there is repeated
                    reconnected = true;
                    log.warn("event=transaction_retry attempt={} reason=connection_lost", attempt);
                    jdbi.getConfig(ConnectionLoss.class).lost();
                } else {
                    throw e;
                }
            }
        }
    }

    private static <R, X extends Exception> R savepoint(Handle handle, HandleCallback<R, X> work) throws X {
        String name = "nested_" + SAVEPOINTS.incrementAndGet();
        handle.savepoint(name);
        R result;
        try {
            result = work.withHandle(handle);
        } catch (Exception | Error e) {
            // also after an SQL error, so that a caller that catches it (a lost race it answers) can go on
            handle.rollbackToSavepoint(name);
            throw e;
        }
        handle.releaseSavepoint(name);
        return result;
    }

    /**
     * Runs a read (a statement that changes nothing, so it is always safe to repeat) and runs it once more on a fresh
     * connection when its connection turned out broken at once: one that died in a restart or a failover since the
     * pool last checked it.
     */
    public static <R, X extends Exception> R reading(Jdbi jdbi, HandleCallback<R, X> read) throws X {
        if (UnitOfWork.active()) {
            // the unit's own connection: if it broke, the whole unit failed and nothing of it was committed
            return jdbi.withHandle(read);
        }
        long started = System.nanoTime();
        try {
            return jdbi.withHandle(read);
        } catch (RuntimeException e) {
            if (System.nanoTime() - started >= QUICK_FAILURE_NANOS || !DatabaseFailures.isConnectionFailure(e)) {
                throw e;
            }
            log.warn("event=read_retry reason=connection_lost");
            jdbi.getConfig(ConnectionLoss.class).lost();
            return jdbi.withHandle(read);
        }
    }

    /** True for a unique-key violation, so that a store can turn a lost race into a clear answer. */
    public static boolean isUniqueViolation(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return sql.getMessage() != null && sql.getMessage().contains(constraint);
            }
        }
        return false;
    }

    /** The SQLState of the first SQL failure behind {@code e}, or {@code unknown}. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }

    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40P01".equals(state) || "40001".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
