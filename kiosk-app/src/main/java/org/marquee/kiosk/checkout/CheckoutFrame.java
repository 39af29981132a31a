package org.marquee.kiosk.checkout;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.HoldTimer;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.ShowtimeText;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;

/**
 * What the tickets and the payment screens share: the sale they check out and what they work with (background tasks,
 * connectivity, navigation, texts, the terminal's mode, the theater's clock), the showtime's heading and the hold's
 * countdown. {@link CheckoutScreen} is its view. One per visit of a screen.
 */
public final class CheckoutFrame {

    private final Tasks tasks;
    private final Connectivity connectivity;
    private final Navigator navigator;
    private final SaleSession sale;
    private final Messages messages;
    private final Mode mode;
    private final Clock clock;
    private final HoldTimer timer;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");

    /**
     * @param connectivity refuses the sale's requests while the terminal is offline
     * @param clock counts the hold down, in the theater's time zone (the showtime's time is shown in it)
     */
    public CheckoutFrame(
            Tasks tasks,
            Connectivity connectivity,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            Clock clock) {
        this.tasks = tasks;
        this.connectivity = connectivity;
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.mode = mode;
        this.clock = clock;
        this.timer = new HoldTimer(clock);
    }

    /** Shows the sale's showtime and counts its hold down. Call when the screen is shown. */
    void start() {
        heading.set(ShowtimeText.describe(sale.showtimeProperty().get(), messages, clock.getZone()));
        timer.follow(sale.countdown(clock));
    }

    /** Runs {@code call} in the background once the terminal is known to be online; the answer on the UI thread. */
    <T> void whenOnline(Callable<T> call, Consumer<T> done, Consumer<ApiProblem> failed) {
        tasks.run(
                () -> {
                    connectivity.requireOnline();
                    return call.call();
                },
                done,
                failed);
    }

    Tasks tasks() {
        return tasks;
    }

    Navigator navigator() {
        return navigator;
    }

    SaleSession sale() {
        return sale;
    }

    public Messages messages() {
        return messages;
    }

    public Mode mode() {
        return mode;
    }

    /** The hold's countdown, ticked by the screen. */
    public HoldTimer timer() {
        return timer;
    }

    /** The movie, auditorium and time of the showtime. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }
}
