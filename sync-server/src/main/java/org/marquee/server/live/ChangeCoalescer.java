package org.marquee.server.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.marquee.server.seatmap.SeatMapChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a showtime's seat changes to this instance's subscribers at once, and collects the showtimes whose seats
 * changed to tell the other instances in one message once per interval (about 100 ms). At most one local publish per
 * showtime waits at any time, so a burst of holds cannot pile work up. Reporting a change costs a set insertion, so the hold path
 * never waits for either (a {@code pg_notify} inside the hold transaction cut throughput four times, DESIGN §5).
 */
public final class ChangeCoalescer implements SeatMapChanges, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeCoalescer.class);

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Set<Long> publishing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final Consumer<List<Long>> publishHere;
    private final Consumer<List<Long>> tellOthers;

    public ChangeCoalescer(Duration interval, Consumer<List<Long>> publishHere, Consumer<List<Long>> tellOthers) {
        this.publishHere = publishHere;
        this.tellOthers = tellOthers;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("seat-change-coalescer").daemon().factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void changed(long showtimeId) {
        pending.add(showtimeId);
        if (publishing.add(showtimeId)) {
            try {
                scheduler.execute(() -> {
                    publishing.remove(showtimeId);
                    publishSafely(List.of(showtimeId));
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                publishing.remove(showtimeId); // closing: the flush is gone too
            }
        }
    }

    private void publishSafely(List<Long> ids) {
        try {
            publishHere.accept(ids);
        } catch (RuntimeException e) {
            log.warn("event=seat_publish_failed reason={}", e.toString());
        }
    }

    private void flush() {
        List<Long> ids = new ArrayList<>();
        for (Iterator<Long> it = pending.iterator(); it.hasNext(); ) {
            ids.add(it.next());
            it.remove();
        }
        if (ids.isEmpty()) {
            return;
        }
        // publishing again here changes nothing unless a change slipped past the immediate publish
        publishSafely(ids);
        try {
            tellOthers.accept(ids);
        } catch (RuntimeException e) {
            // the other instances catch up at their next change of these showtimes or when their listener reconnects
            log.warn("event=seat_notify_failed showtimes={} reason={}", ids.size(), e.toString());
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
