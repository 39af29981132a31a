package org.marquee.server.holds;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.marquee.server.holds.persistence.HoldStore;
import org.marquee.server.seatmap.SeatMapChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks expired holds EXPIRED and frees their seats in the background. Correctness never waits for it (acquisition
 * takes expired claims over by itself); it keeps hold statuses and seat-map versions tidy. Several server instances
 * may sweep at once: each takes different rows ({@code skip locked}).
 */
public final class HoldSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 500;

    private final HoldStore store;
    private final IntSupplier cancelLapsedOrders;
    private final ScheduledExecutorService scheduler;
    private final SeatMapChanges changes;

    /**
     * {@code cancelLapsedOrders} cancels unpaid orders whose hold has ended; it runs after each sweep. {@code changes}
     * is told of every showtime whose seats a sweep freed.
     */
    public HoldSweeper(HoldStore store, Duration interval, IntSupplier cancelLapsedOrders, SeatMapChanges changes) {
        this.store = store;
        this.changes = changes;
        this.cancelLapsedOrders = cancelLapsedOrders;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hold-sweeper").daemon().factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Sweeps until no expired hold is left; returns how many it marked. */
    public int sweep() {
        int total = 0;
        int marked;
        do {
            HoldStore.Swept swept = store.sweepShowtimes(BATCH);
            // told after each batch's transaction committed
            swept.showtimes().forEach(changes::changed);
            marked = swept.marked();
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    private void sweepSafely() {
        try {
            int marked = sweep();
            int cancelled = cancelLapsedOrders.getAsInt();
            if (marked > 0 || cancelled > 0) {
                log.info("event=holds_swept expired={} ordersCancelled={}", marked, cancelled);
            }
        } catch (RuntimeException e) {
            log.warn("event=sweep_failed reason={}", e.toString());
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
