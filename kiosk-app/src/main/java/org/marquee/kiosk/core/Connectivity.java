package org.marquee.kiosk.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.model.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the server answers. Any request that could not reach it ({@link ApiProblem#offline()}) turns the terminal
 * offline; while offline, the server's health is asked every 3 seconds, and the first answer turns it online again
 * and tells the listeners (which sync the catalog). Selling needs the server: view-models call
 * {@link #requireOnline()} before they start a sale.
 */
public final class Connectivity implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Connectivity.class);

    public static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

    static final String OFFLINE_MESSAGE = "This terminal is offline; sales resume when the server is back.";

    private final UiThread ui;
    private final ScheduledExecutorService scheduler;
    private final Callable<?> probe;
    private final Duration pollInterval;
    private final Supplier<String> offlineMessage;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final List<Runnable> backOnlineListeners = new CopyOnWriteArrayList<>();
    private volatile boolean isOnline = true;
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> watching;

    /**
     * @param probe asks the server whether it is there (its health); any exception means "not yet"
     * @param offlineMessage the sentence {@link #requireOnline()} refuses with, in the terminal's language
     */
    public Connectivity(
            UiThread ui,
            ScheduledExecutorService scheduler,
            Callable<?> probe,
            Duration pollInterval,
            Supplier<String> offlineMessage) {
        this.ui = ui;
        this.scheduler = scheduler;
        this.probe = probe;
        this.pollInterval = pollInterval;
        this.offlineMessage = offlineMessage == null ? () -> OFFLINE_MESSAGE : offlineMessage;
    }

    public Connectivity(UiThread ui, ScheduledExecutorService scheduler, Callable<?> probe) {
        this(ui, scheduler, probe, POLL_INTERVAL, null);
    }

    /** True while the server answers; changes on the UI thread. */
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Whether the server answered last time; safe to ask from any thread. */
    public boolean isOnline() {
        return isOnline;
    }

    /** Tells of a failed request: one that never reached the server turns the terminal offline. */
    public void reportFailure(ApiProblem problem) {
        if (problem != null && problem.offline()) {
            goOffline(problem.getMessage());
        }
    }

    /** Tells of a request the server answered: the terminal is online (again). */
    public void reportSuccess() {
        goOnline();
    }

    /**
     * Refuses, with a message for a person, to go on with something that needs the server (a sale) while offline.
     *
     * @throws ApiProblem (with {@link ApiProblem#offline()} true) while offline
     */
    public void requireOnline() {
        if (!isOnline) {
            throw new ApiProblem(0, ErrorCode.SERVICE_UNAVAILABLE, offlineMessage.get(), null);
        }
    }

    /**
     * Asks the server's health every poll interval while online too (and while {@code when} holds: a terminal set up),
     * so that a terminal nobody touches, an idle showtimes screen, shows the offline banner within seconds of losing
     * the server. Only a server that cannot be reached turns it offline; a refusal (a 503) does not. Call once.
     */
    public synchronized void watch(BooleanSupplier when) {
        if (watching != null || scheduler.isShutdown()) {
            return;
        }
        long every = pollInterval.toMillis();
        watching = scheduler.scheduleWithFixedDelay(
                () -> {
                    if (isOnline && when.getAsBoolean()) {
                        heartbeat();
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            probe.call();
        } catch (ApiProblem problem) {
            reportFailure(problem);
        } catch (Exception e) {
            goOffline(e.getClass().getSimpleName());
        }
    }

    /** Runs {@code listener} (on a background thread) every time the terminal comes back online. */
    public void onBackOnline(Runnable listener) {
        backOnlineListeners.add(listener);
    }

    private synchronized void goOffline(String reason) {
        if (!isOnline || scheduler.isShutdown()) {
            return;
        }
        isOnline = false;
        log.warn("event=offline reason={}", reason);
        ui.run(() -> online.set(false));
        long every = pollInterval.toMillis();
        polling = scheduler.scheduleWithFixedDelay(this::probeOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        try {
            probe.call();
        } catch (Exception e) {
            return; // still offline; the next poll asks again
        }
        goOnline();
    }

    private void goOnline() {
        synchronized (this) {
            if (isOnline) {
                return;
            }
            isOnline = true;
            if (polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
        log.info("event=online");
        ui.run(() -> online.set(true));
        for (Runnable listener : backOnlineListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("event=back_online_listener_failed reason={}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (watching != null) {
            watching.cancel(false);
        }
    }
}
