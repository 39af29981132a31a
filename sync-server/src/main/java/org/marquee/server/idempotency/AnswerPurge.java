package org.marquee.server.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.marquee.server.idempotency.persistence.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the answers kept for retries once they are a week old, in the background: a retry comes within minutes, not
 * weeks. Several server instances may purge at once; each deletes what is left.
 */
public final class AnswerPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerPurge.class);

    /** How long an answer is kept for a retry. */
    static final int KEPT_DAYS = 7;

    private final IdempotencyStore store;
    private final ScheduledExecutorService scheduler;

    /** Purges every {@code interval}, the first time one interval after the start. */
    public AnswerPurge(IdempotencyStore store, Duration interval) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("answer-purge").daemon().factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Drops the answers older than a week; returns how many. */
    public int purge() {
        return store.purgeOlderThan(KEPT_DAYS);
    }

    private void purgeSafely() {
        try {
            int purged = purge();
            if (purged > 0) {
                log.info("event=answers_purged count={}", purged);
            }
        } catch (RuntimeException e) {
            log.warn("event=answer_purge_failed reason={}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
