package org.marquee.kiosk.core;

import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The countdown of the sale's hold on the checkout screens, on the server's clock ({@link HoldCountdown}). Ticked once a second by the view; tests tick it with their own clock.
 */
public final class HoldTimer {

    /** The last minute is shown as urgent. */
    static final Duration URGENT = Duration.ofSeconds(60);

    private final Clock clock;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper urgent = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private HoldCountdown countdown;

    public HoldTimer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts down the sale's hold from now on (the sale's countdown, from the seat map's sighting of the hold, not
     * from this screen's); null stops and hides the countdown.
     */
    public void follow(HoldCountdown sales) {
        countdown = sales;
        tick();
    }

    /** Brings the text and flags up to the clock's time. */
    public void tick() {
        shown.set(countdown != null);
        if (countdown == null) {
            text.set("");
            urgent.set(false);
            expired.set(false);
            return;
        }
        Duration left = countdown.remaining(clock.instant());
        text.set(HoldCountdown.format(left));
        urgent.set(left.compareTo(URGENT) <= 0);
        expired.set(left.isZero());
    }

    /** Time left as {@code mm:ss}. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True in the last minute. */
    public ReadOnlyBooleanProperty urgentProperty() {
        return urgent.getReadOnlyProperty();
    }

    /** True once the time is over by this terminal's reckoning (the server has the last word). */
    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    /** True while there is a hold to count down. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
