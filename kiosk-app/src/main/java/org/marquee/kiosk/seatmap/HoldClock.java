package org.marquee.kiosk.seatmap;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.core.HoldCountdown;

/**
 * What the seat map shows of the hold's countdown: the time left as {@code mm:ss} and whether "More time" is offered.
 * Plain state: the view-model moves it with the sale's countdown and learns when the time is up.
 */
final class HoldClock {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper extendOffered = new ReadOnlyBooleanWrapper(false);

    /** Shows {@code countdown} (null: no hold) at {@code now}; true when its time is up. */
    boolean show(HoldCountdown countdown, Instant now) {
        if (countdown == null) {
            text.set("");
            extendOffered.set(false);
            return false;
        }
        Duration left = countdown.remaining(now);
        text.set(HoldCountdown.format(left));
        extendOffered.set(countdown.offerExtension(now));
        return left.isZero();
    }

    /** "More time" was pressed: not offered again until the longer hold is shown. */
    void extending() {
        extendOffered.set(false);
    }

    boolean extendOffered() {
        return extendOffered.get();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty extendOfferedProperty() {
        return extendOffered.getReadOnlyProperty();
    }
}
