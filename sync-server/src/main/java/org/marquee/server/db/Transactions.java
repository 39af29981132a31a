package org.marquee.server.db;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when PostgreSQL aborts it for a deadlock or a serialization failure: two holds that lock
 * overlapping seats in different statements can deadlock, and the loser should simply try once more.
 */
public final class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private static final int ATTEMPTS = 4;
    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private Transactions() {}

    public static <R, X extends Exception> R retrying(Jdbi jdbi, HandleCallback<R, X> work) throws X {
        if (UnitOfWork.active()) {
            // inside a unit of work this is a savepoint of its transaction: undone alone if it throws, committed with
            // the unit; an abort for a deadlock fails the whole unit, which runs again from the start
            return jdbi.withHandle(handle -> savepoint(handle, work));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                log.warn("event=transaction_retry attempt={} reason={}", attempt, sqlState(e));
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
