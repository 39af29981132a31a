package org.marquee.kiosk.core;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.CashShifts;
import org.marquee.model.CashShift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in clerk's cash shift at this terminal, as the server last told it: the one owner of that state (DESIGN
 * §7.3). The sign-in asks it to {@link #refresh()}, the session bar shows it, the shift screen asks it to
 * {@link #open} and {@link #close}, the sign-out asks whether one is still open and {@link #forget()}s it. Its
 * properties change on the UI thread.
 */
public final class ClerkShift {

    /** What is known of the clerk's shift. */
    public enum State {
        /** Not asked yet, or the server could not be asked. */
        UNKNOWN,
        /** No shift is open. */
        NONE,
        /** A shift is open: {@link #shiftProperty()} holds it. */
        OPEN
    }

    private static final Logger log = LoggerFactory.getLogger(ClerkShift.class);

    private final Supplier<? extends CashShifts> connections;
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.UNKNOWN);
    private final ReadOnlyObjectWrapper<CashShift> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper autoOpened = new ReadOnlyBooleanWrapper(false);
    /** The shift this terminal opened with "Open shift" (not a cash sale); -1 for none. */
    private long openedHere = -1;
    /** Grows on every sign-out: an answer asked for before it is not about the clerk signed in now. */
    private long generation;

    /** @param connections the connection the clerk is signed in on, asked for each time (it is replaced on setup) */
    public ClerkShift(Supplier<? extends CashShifts> connections, Tasks tasks) {
        this.connections = connections;
        this.tasks = tasks;
    }

    /** Asks the server for the clerk's open shift; a failure leaves what was known. */
    public void refresh() {
        refresh(() -> {}, problem -> {});
    }

    /** Asks the server for the clerk's open shift, then {@code done} or {@code failed} on the UI thread. */
    public void refresh(Runnable done, Consumer<ApiProblem> failed) {
        long asked = generation;
        tasks.run(
                () -> connections.get().currentShift(),
                current -> {
                    if (asked == generation) {
                        show(current.orElse(null));
                        done.run();
                    }
                },
                problem -> {
                    log.warn("event=shift_refresh_failed status={} reason={}", problem.status(), problem.getMessage());
                    if (asked == generation) {
                        failed.accept(problem);
                    }
                });
    }

    /** Opens a shift with {@code floatMinor} in the drawer. */
    public void open(long floatMinor, Consumer<CashShift> done, Consumer<ApiProblem> failed) {
        long asked = generation;
        tasks.run(
                () -> connections.get().openShift(floatMinor),
                opened -> {
                    if (asked != generation) {
                        return;
                    }
                    openedHere = opened.shiftId();
                    log.info("event=shift_opened shift={} float_minor={}", opened.shiftId(), floatMinor);
                    show(opened);
                    done.accept(opened);
                },
                problem -> {
                    if (asked == generation) {
                        failed.accept(problem);
                    }
                });
    }

    /** Closes the open shift with the cash counted in the drawer; {@code done} gets the shift with its variance. */
    public void close(long countedCashMinor, Consumer<CashShift> done, Consumer<ApiProblem> failed) {
        long asked = generation;
        tasks.run(
                () -> connections.get().closeShift(countedCashMinor),
                closed -> {
                    if (asked != generation) {
                        return;
                    }
                    log.info(
                            "event=shift_closed shift={} expected_minor={} counted_minor={} variance_minor={}",
                            closed.shiftId(),
                            closed.expectedCashMinor(),
                            closed.countedCashMinor(),
                            closed.varianceMinor());
                    show(null);
                    done.accept(closed);
                },
                problem -> {
                    if (asked == generation) {
                        failed.accept(problem);
                    }
                });
    }

    /** The clerk signed out: nothing is known of the next one's shift until asked. On the UI thread. */
    public void forget() {
        generation++;
        openedHere = -1;
        shift.set(null);
        autoOpened.set(false);
        state.set(State.UNKNOWN);
    }

    private void show(CashShift current) {
        if (current == null) {
            state.set(State.NONE); // first: whoever reads the shift on a change of state finds it consistent
        }
        shift.set(current);
        // a cash sale or refund opens a shift with float 0 and counts itself into it in one transaction; a shift
        // opened by hand with float 0 has no cash moved yet, or was opened here
        autoOpened.set(current != null
                && current.floatMinor() == 0
                && current.shiftId() != openedHere
                && (current.cashSalesMinor() > 0 || current.cashRefundsMinor() > 0));
        state.set(current == null ? State.NONE : State.OPEN);
    }

    public boolean isOpen() {
        return state.get() == State.OPEN;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The open shift with its running totals; null when none is open or it is not known. */
    public ReadOnlyObjectProperty<CashShift> shiftProperty() {
        return shift.getReadOnlyProperty();
    }

    /** True when the open shift was opened by a cash sale (with float 0), not by the clerk. */
    public ReadOnlyBooleanProperty autoOpenedProperty() {
        return autoOpened.getReadOnlyProperty();
    }
}
