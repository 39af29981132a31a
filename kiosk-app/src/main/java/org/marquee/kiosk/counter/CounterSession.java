package org.marquee.kiosk.counter;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.StaffSessions;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is signed in at this counter terminal. One per application: the login screen starts it, the header shows it
 * ({@link #signedInProperty()}, {@link #displayNameProperty()}) and offers {@link #signOut()}. While nobody is signed
 * in, the client speaks with the terminal's own token, which may browse but not sell. With a {@link ClerkShift}, a
 * sign-out while the clerk's cash shift is open first reminds ({@link #remindingProperty()}): close it now, sign out
 * anyway (the same key again does) or stay; it never blocks.
 */
public final class CounterSession {

    /** The code of the refusal a clerk gets on an admin terminal. */
    public static final String MANAGER_ONLY = "MANAGER_ONLY";

    private static final Logger log = LoggerFactory.getLogger(CounterSession.class);

    private final Supplier<? extends StaffSessions> connections;
    private final Tasks tasks;
    private final Navigator navigator;
    private final SaleSession sale;
    private final boolean managersOnly;
    private final ClerkShift shift;

    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper username = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(Role.COUNTER);
    private final ReadOnlyBooleanWrapper reminding = new ReadOnlyBooleanWrapper(false);

    /** A counter terminal where clerks and managers sign in to sell, on {@code connection}. */
    public CounterSession(StaffSessions connection, Tasks tasks, Navigator navigator, SaleSession sale) {
        this(() -> connection, tasks, navigator, sale, false);
    }

    /**
     * @param connections the application's connection to the server, asked for each time (it is replaced when the
     *     terminal is set up again); its token is switched between the staff session's and the terminal's own
     * @param managersOnly true on an admin terminal: a clerk's correct PIN is refused there, and a manager starts on
     *     the admin screens instead of the showtimes
     */
    public CounterSession(
            Supplier<? extends StaffSessions> connections,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            boolean managersOnly) {
        this(connections, tasks, navigator, sale, managersOnly, null);
    }

    /**
     * As above, with the signed-in clerk's cash shift: asked after the sign-in and whenever the screen changes while
     * none is known to be open (a cash sale opens one), forgotten at the sign-out, which reminds of an open one.
     *
     * @param shift null on a terminal that keeps no shifts: then no reminder
     */
    public CounterSession(
            Supplier<? extends StaffSessions> connections,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            boolean managersOnly,
            ClerkShift shift) {
        this.connections = connections;
        this.tasks = tasks;
        this.navigator = navigator;
        this.sale = sale;
        this.managersOnly = managersOnly;
        this.shift = shift;
        if (shift != null) {
            navigator.currentProperty().addListener((obs, before, screen) -> {
                if (signedIn.get() && !shift.isOpen() && screen != Screen.SHIFT && screen != Screen.LOGIN) {
                    shift.refresh(); // a cash sale or refund may have opened one with float 0
                }
            });
        }
    }

    /** The signed-in clerk's cash shift; null on a terminal that keeps none. */
    public ClerkShift shift() {
        return shift;
    }

    /** True on an admin terminal, where only managers may sign in. */
    public boolean managersOnly() {
        return managersOnly;
    }

    /**
     * Signs a staff member in and switches the connection to the session's token. On an admin terminal a clerk's
     * session is ended at once and refused with 403 {@code MANAGER_ONLY}. Blocking: call it off the FX thread.
     */
    SessionView authenticate(String user, String pin) {
        StaffSessions connection = connections.get();
        SessionView session = connection.startSession(user, pin);
        if (managersOnly && session.role() != Role.MANAGER) {
            try {
                connection.endSession();
            } catch (ApiProblem problem) {
                log.warn("event=sign_out_failed status={} reason={}", problem.status(), problem.getMessage());
            }
            log.info("event=staff_refused user={} role={} reason=managers_only", session.username(), session.role());
            throw new ApiProblem(403, ErrorCode.FORBIDDEN, MANAGER_ONLY, "Only a manager may sign in here.", null);
        }
        return session;
    }

    /** The sign-in succeeded: show who it is and start selling. On the UI thread. */
    void started(SessionView session) {
        username.set(session.username());
        displayName.set(
                session.displayName() == null || session.displayName().isBlank()
                        ? session.username()
                        : session.displayName());
        role.set(session.role());
        log.info("event=staff_signed_in user={} role={}", session.username(), session.role());
        navigator.go(home());
        signedIn.set(true); // last: whoever waits for it finds the rest done
        if (shift != null) {
            shift.refresh();
        }
    }

    /** Where a signed-in person starts: the showtimes, or the admin screens on an admin terminal. */
    public Screen home() {
        return managersOnly ? Screen.ADMIN_THEATERS : Screen.SHOWTIMES;
    }

    /**
     * Signs out, but while the clerk's shift is open only reminds first ({@link #remindingProperty()}); asked again
     * while reminding, it signs out anyway.
     */
    public void signOut() {
        if (signedIn.get() && shift != null && shift.isOpen() && !reminding.get()) {
            log.info(
                    "event=sign_out_reminded user={} shift={}",
                    username.get(),
                    shift.shiftProperty().get().shiftId());
            reminding.set(true);
            return;
        }
        signOutAnyway();
    }

    /**
     * "Open shift" or "Close shift" (F6, F7), or the reminder's "Close it now": the shift screen, which shows what fits
     * the shift's state.
     */
    public void showShift() {
        if (signedIn.get()) {
            reminding.set(false);
            navigator.go(Screen.SHIFT);
        }
    }

    /** The reminder's "Stay signed in". */
    public void staySignedIn() {
        reminding.set(false);
    }

    /**
     * Ends the staff session: releases a hold still open, ends the session on the server, and goes back to the
     * terminal's own token and the login screen. Locally it always signs out, even when the server cannot be told. An
     * open shift stays open on the server, to be closed at the next sign-in.
     */
    public void signOutAnyway() {
        reminding.set(false);
        if (!signedIn.get()) {
            navigator.go(Screen.LOGIN);
            return;
        }
        if (shift != null && shift.isOpen()) {
            log.info("event=signed_out_with_open_shift user={}", username.get());
        }
        Runnable releaseOpenHold = sale.detachHold();
        tasks.run(
                () -> {
                    endOnServer(releaseOpenHold);
                    return Boolean.TRUE;
                },
                done -> forget(),
                problem -> forget());
    }

    /** The server said the session ended (expired, or ended elsewhere): back to the login screen. */
    public void sessionEnded() {
        connections.get().actAsTerminal();
        forget();
    }

    private void endOnServer(Runnable releaseOpenHold) {
        try {
            releaseOpenHold.run();
        } catch (ApiProblem problem) {
            log.warn("event=release_on_sign_out_failed reason={}", problem.getMessage());
        }
        try {
            connections.get().endSession();
        } catch (ApiProblem problem) {
            // the session ends by itself after 12 hours; this terminal stops using it now either way
            log.warn("event=sign_out_failed status={} reason={}", problem.status(), problem.getMessage());
        }
    }

    private void forget() {
        if (signedIn.get()) {
            log.info("event=staff_signed_out user={}", username.get());
        }
        sale.forget(); // an open hold was given back on signing out
        reminding.set(false);
        displayName.set("");
        username.set("");
        role.set(Role.COUNTER);
        navigator.go(Screen.LOGIN);
        if (shift != null) {
            shift.forget(); // after the move to the login: an answer asked for before it is dropped
        }
        signedIn.set(false); // last: whoever waits for it finds the rest done
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameProperty() {
        return username.getReadOnlyProperty();
    }

    /** CLERK or MANAGER while signed in, COUNTER otherwise. */
    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** True while a sign-out waits on the reminder that the clerk's shift is still open. */
    public ReadOnlyBooleanProperty remindingProperty() {
        return reminding.getReadOnlyProperty();
    }

    public boolean isSignedIn() {
        return signedIn.get();
    }
}
