package org.marquee.kiosk.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.model.CatalogChanges;
import org.marquee.model.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link CatalogCache} in step with the server through {@code GET /catalog/changes}: a full copy when the
 * cache has no cursor yet, the changes since the cursor after that, at start and then every minute. An answer is
 * checked whole and applied in one transaction, so a failed or unusable answer leaves the cache as it was.
 */
public final class CatalogSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final MarqueeClient client;
    private final CatalogCache cache;
    private final List<Consumer<SyncResult>> syncedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ApiProblem>> failureListeners = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> schedule;
    private final Object scheduleLock = new Object();
    private volatile boolean failing;

    public CatalogSync(MarqueeClient client, CatalogCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * Fetches and applies the changes since the cache's cursor now, on the calling thread (never the FX thread).
     * Listeners hear of the result or the problem too.
     *
     * @throws ApiProblem when the server cannot be reached, refuses, or sends a catalog this terminal cannot use
     */
    public synchronized SyncResult syncNow() {
        try {
            SyncResult result = fetchAndApply();
            if (failing) {
                log.info("event=catalog_sync_recovered");
            }
            failing = false;
            syncedListeners.forEach(listener -> listener.accept(result));
            return result;
        } catch (ApiProblem problem) {
            if (!failing) {
                log.warn("event=catalog_sync_failed status={} reason={}", problem.status(), problem.getMessage());
            }
            failing = true;
            failureListeners.forEach(listener -> listener.accept(problem));
            throw problem;
        }
    }

    private SyncResult fetchAndApply() {
        String since = cache.cursor().orElse(null);
        CatalogChanges changes = client.catalogChanges(since);
        boolean full = since == null;
        if (!full && wentBackwards(since, changes.cursor())) {
            // Cursors only grow on one database; a smaller one means the server's database was replaced, so
            // changes since our cursor would miss everything it holds now.
            log.warn(
                    "event=catalog_cursor_went_back since={} answer={}; copying the whole catalog",
                    since,
                    changes.cursor());
            changes = client.catalogChanges(null);
            full = true;
        }
        try {
            CatalogWriter.validate(changes);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    502,
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The server sent a catalog this terminal cannot use (" + e.getMessage()
                            + "). The saved catalog is kept.",
                    null);
        }
        SyncResult result = cache.apply(changes, full);
        if (result.changed()) {
            log.info(
                    "event=catalog_synced full={} theaters={} auditoriums={} movies={} showtimes={} deleted={}",
                    result.full(),
                    result.theaters(),
                    result.auditoriums(),
                    result.movies(),
                    result.showtimes(),
                    result.deleted());
        }
        return result;
    }

    private static boolean wentBackwards(String since, String answer) {
        try {
            return Long.parseLong(answer) < Long.parseLong(since);
        } catch (NumberFormatException e) {
            return false; // not numbers: opaque cursors, nothing to compare
        }
    }

    /** Syncs at once and then every {@link #INTERVAL} on {@code scheduler}, until {@link #close()}. */
    public void start(ScheduledExecutorService scheduler) {
        start(scheduler, INTERVAL);
    }

    public void start(ScheduledExecutorService scheduler, Duration every) {
        synchronized (scheduleLock) {
            if (schedule != null) {
                throw new IllegalStateException("The catalog sync is already running");
            }
            this.scheduler = scheduler;
            this.schedule =
                    scheduler.scheduleWithFixedDelay(this::syncQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for a sync soon, in the background (after the terminal comes back online, say). */
    public void requestSync() {
        ScheduledExecutorService running = scheduler;
        if (running != null && !running.isShutdown()) {
            running.execute(this::syncQuietly);
        }
    }

    /** Called with every successful sync's result, on the syncing thread. */
    public void onSynced(Consumer<SyncResult> listener) {
        syncedListeners.add(listener);
    }

    /** Called with every failed sync's problem, on the syncing thread. */
    public void onFailure(Consumer<ApiProblem> listener) {
        failureListeners.add(listener);
    }

    private void syncQuietly() {
        try {
            syncNow();
        } catch (ApiProblem problem) {
            // logged and reported in syncNow; the next run tries again
        } catch (RuntimeException e) {
            // a bug or a broken cache file: keep the schedule alive, the next run tries again
            log.error("event=catalog_sync_error", e);
        }
    }

    @Override
    public void close() {
        synchronized (scheduleLock) {
            if (schedule != null) {
                schedule.cancel(false);
            }
            scheduler = null;
        }
    }
}
