package org.marquee.kiosk.idle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk left alone goes back to its start screen: after {@code limit} without a touch, the hold is released (in
 * the background; nobody waits for it), the sale forgotten and the showtimes shown, so the next customer never finds
 * someone else's seats. The last seconds are announced ({@link #warningProperty()}), and any touch starts the count
 * again. Knows no Node: the window reports touches with {@link #touched()} ({@link IdleWatch} does it for a Scene).
 * Checks run on the UI thread.
 */
public final class IdleTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleTimer.class);

    public static final Duration LIMIT = Duration.ofSeconds(60);

    /** How long before the reset the warning shows. */
    public static final Duration WARNING = Duration.ofSeconds(10);

    /** Screens a kiosk may rest on: nothing to forget there. */
    private static final Set<Screen> RESTING = Set.of(Screen.SHOWTIMES, Screen.SETUP);

    private final Tasks tasks;
    private final SaleSession sale;
    private final Navigator navigator;
    private final Clock clock;
    private final Duration limit;
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(0);
    private volatile Instant lastTouch;
    private volatile BooleanSupplier active = () -> true;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> checks;

    /** @param sale the terminal's sale, which gives its hold back when the kiosk resets */
    public IdleTimer(Tasks tasks, SaleSession sale, Navigator navigator, Clock clock, Duration limit) {
        this.tasks = tasks;
        this.sale = sale;
        this.navigator = navigator;
        this.clock = clock;
        this.limit = limit;
        this.lastTouch = clock.instant();
    }

    /** Resets only while {@code condition} holds (a kiosk, not a counter); by default always. */
    public void activeWhile(BooleanSupplier condition) {
        this.active = condition;
    }

    /** Someone touched the screen (or pressed a key): the count starts again. Any thread. */
    public void touched() {
        lastTouch = clock.instant();
        if (warning.get()) {
            tasks.ui().run(() -> warning.set(false));
        }
    }

    /** Looks at the time: warns in the last seconds, resets the kiosk when the time is up. On the UI thread. */
    public void check() {
        if (!active.getAsBoolean()) {
            warning.set(false);
            lastTouch = clock.instant();
            return;
        }
        if (tasks.busyProperty().get()) {
            // a payment or another request is on its way: the person is waiting for it, not gone
            lastTouch = clock.instant();
        }
        if (nothingToForget()) {
            warning.set(false);
            lastTouch = clock.instant();
            return;
        }
        Duration left = limit.minus(Duration.between(lastTouch, clock.instant()));
        if (left.isNegative() || left.isZero()) {
            reset();
            return;
        }
        secondsLeft.set((int) ((left.toMillis() + 999) / 1000));
        warning.set(left.compareTo(WARNING) <= 0);
    }

    /** Checks every second, on the UI thread, until {@link #close()}. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "marquee-idle-timer");
            thread.setDaemon(true);
            return thread;
        });
        lastTouch = clock.instant();
        checks = scheduler.scheduleAtFixedRate(() -> tasks.ui().run(this::check), 1, 1, TimeUnit.SECONDS);
    }

    private boolean nothingToForget() {
        return RESTING.contains(navigator.current())
                && sale.holdProperty().get() == null
                && !sale.accessibleProperty().get(); // the next person gets the kiosk as it starts
    }

    private void reset() {
        boolean release = sale.holdProperty().get() != null && !sale.isPaid();
        log.info("event=idle_reset screen={} released={}", navigator.current(), release);
        sale.startOver();
        sale.setAccessible(false);
        warning.set(false);
        lastTouch = clock.instant();
        navigator.go(Screen.SHOWTIMES);
    }

    /** True in the last seconds before the reset, for a "Still there?" notice. */
    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Whole seconds until the reset, kept up to date by the checks. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    @Override
    public synchronized void close() {
        if (checks != null) {
            checks.cancel(false);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
