package org.marquee.kiosk.shifts;

import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk's cash shift at the counter (DESIGN §7.3). With none open it asks for the float; with one open it shows
 * what the drawer should hold (float + cash sales − cash refunds) and asks for the counted cash, then shows the
 * variance in words. Amounts are typed as 150.00; anything else is refused in words and nothing is sent. The shift
 * itself belongs to {@link ClerkShift}; this screen only asks it to act.
 */
public final class ShiftViewModel {

    /** What the screen shows. */
    public enum Step {
        /** Asking the server whether a shift is open. */
        LOADING,
        /** No shift open: the float is asked for. */
        OPENING,
        /** A shift is open: its expected cash shown, the count asked for. */
        CLOSING,
        /** Just closed: the count and the variance. */
        CLOSED,
        /** The server could not say whether a shift is open. */
        UNREACHABLE
    }

    private static final Logger log = LoggerFactory.getLogger(ShiftViewModel.class);

    private final ClerkShift shift;
    private final Navigator navigator;
    private final Screen home;
    private final Runnable signOut;
    private final Messages messages;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<CashShift> closed = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<ShiftFigures> figures;

    /**
     * @param home where "Done" and a newly opened shift lead: the showtimes, or the admin screens
     * @param signOut the counter's sign-out, offered once the shift is closed
     * @param zone the theater's time zone, for the opening time
     */
    public ShiftViewModel(
            ClerkShift shift, Navigator navigator, Screen home, Runnable signOut, Messages messages, ZoneId zone) {
        this.shift = shift;
        this.navigator = navigator;
        this.home = home;
        this.signOut = signOut;
        this.messages = messages;
        this.figures = Bindings.createObjectBinding(
                () -> ShiftFigures.of(
                        step.get() == Step.CLOSED
                                ? closed.get()
                                : shift.shiftProperty().get(),
                        messages,
                        zone),
                step,
                closed,
                shift.shiftProperty());
    }

    /** Asks the server whether a shift is open, then asks for the float or the count. */
    public void start() {
        step.set(Step.LOADING);
        error.set("");
        shift.refresh(this::showState, problem -> {
            error.set(describe(problem));
            step.set(Step.UNREACHABLE);
        });
    }

    /** Opens the shift with the float typed, or closes it with the cash counted. */
    public void submit() {
        if (working.get() || (step.get() != Step.OPENING && step.get() != Step.CLOSING)) {
            return;
        }
        long minor;
        switch (DrawerCash.read(amount.get())) {
            case DrawerCash.Refused(String why) -> {
                error.set(messages.get(why)); // nothing is sent
                return;
            }
            case DrawerCash.Amount(long typed) -> minor = typed;
        }
        error.set("");
        working.set(true);
        if (step.get() == Step.OPENING) {
            shift.open(
                    minor,
                    opened -> {
                        amount.set("");
                        working.set(false);
                        navigator.go(home); // the bar above now says the shift is open: on to selling
                    },
                    this::refused);
        } else {
            shift.close(
                    minor,
                    done -> {
                        amount.set("");
                        closed.set(done);
                        step.set(Step.CLOSED);
                        working.set(false);
                    },
                    this::refused);
        }
    }

    /** Leaves the screen without a change. */
    public void back() {
        if (!working.get()) {
            navigator.go(home);
        }
    }

    /** After closing: signs out (no reminder now, the shift is closed). */
    public void signOut() {
        signOut.run();
    }

    private void refused(ApiProblem problem) {
        log.info("event=shift_refused step={} status={} code={}", step.get(), problem.status(), problem.codeName());
        error.set(describe(problem));
        working.set(false);
        if (problem.status() == 404 || problem.status() == 409) {
            // opened or closed meanwhile (another window, a cash sale): show what the shift is now
            shift.refresh(this::showState, ignored -> {});
        }
    }

    private void showState() {
        step.set(shift.isOpen() ? Step.CLOSING : Step.OPENING);
    }

    private String describe(ApiProblem problem) {
        return problem.offline() ? messages.get("counter.offline") : problem.getMessage();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The float or the counted cash as typed, such as 150.00; bound both ways to the field. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** Why the last try was refused, for a person; empty when it was not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The open shift's figures while closing, the closed one's after. */
    public ObjectBinding<ShiftFigures> figuresProperty() {
        return figures;
    }

    /** True when a cash sale opened the shift with float 0 (not the clerk). */
    public ReadOnlyBooleanProperty autoOpenedProperty() {
        return shift.autoOpenedProperty();
    }

    /** The shift just closed; null before. */
    public ReadOnlyObjectProperty<CashShift> closedProperty() {
        return closed.getReadOnlyProperty();
    }
}
