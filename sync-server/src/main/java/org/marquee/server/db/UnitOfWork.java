package org.marquee.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database transaction around a whole piece of work, such as a request and the idempotent answer it stores
 * (DESIGN §10): every store called inside joins it, because Jdbi hands nested calls on one thread the same handle, and
 * {@link Transactions#retrying} turns its own transactions into savepoints inside it. What must only happen once the
 * work is committed (telling live seat maps, refunding, mailing) is queued with {@link #afterCommit} and runs after the
 * commit, on this thread; nothing queued runs when the work rolls back.
 */
public final class UnitOfWork {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();
    private static final int ATTEMPTS = 4;

    private final Jdbi jdbi;

    public UnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code work} in one transaction, again from the start when PostgreSQL aborts it for a deadlock or a
     * serialization failure, then runs what it queued for after the commit.
     */
    public <R> R run(Supplier<R> work) {
        if (active()) {
            return work.get();
        }
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            List<Runnable> after = new ArrayList<>();
            boolean[] reachedCommit = {false};
            long started = System.nanoTime();
            try {
                R result = jdbi.inTransaction(handle -> {
                    AFTER_COMMIT.set(after);
                    try {
                        R done = work.get();
                        reachedCommit[0] = true;
                        return done;
                    } finally {
                        AFTER_COMMIT.remove();
                    }
                });
                after.forEach(UnitOfWork::runQuietly);
                return result;
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && Transactions.isRetryable(e)) {
                    log.warn("event=unit_retry attempt={} reason={}", attempt, Transactions.sqlState(e));
                } else if (!reconnected
                        && !reachedCommit[0]
                        && System.nanoTime() - started < Transactions.QUICK_FAILURE_NANOS
                        && DatabaseFailures.isConnectionFailure(e)) {
                    // its connection died under it (a restart, a failover) before the commit: nothing of the unit
                    // happened, so it runs once more on a fresh connection; a commit that broke is never repeated
                    reconnected = true;
                    log.warn("event=unit_retry attempt={} reason=connection_lost", attempt);
                    jdbi.getConfig(ConnectionLoss.class).lost();
                } else {
                    throw e;
                }
            }
        }
    }

    /** True on a thread that is inside {@link #run}. */
    public static boolean active() {
        return AFTER_COMMIT.get() != null;
    }

    /** Runs {@code action} once the surrounding unit commits, or at once outside a unit. */
    public static void afterCommit(Runnable action) {
        List<Runnable> queue = AFTER_COMMIT.get();
        if (queue == null) {
            action.run();
        } else {
            queue.add(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // the work is committed: its answer stands; whatever failed here is retried by its own owner (reconciler)
            log.warn("event=after_commit_failed reason={}", e.getClass().getSimpleName(), e);
        }
    }
}
