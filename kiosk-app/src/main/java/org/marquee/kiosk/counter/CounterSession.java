package org.marquee.kiosk.counter;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.model.Role;
import org.marquee.model.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is signed in at this counter terminal. One per application: the login screen starts it, the header shows it
 * ({@link #signedInProperty()}, {@link #displayNameProperty()}) and offers {@link #signOut()}. While nobody is signed
 * in, the client speaks with the terminal's own token, which may browse but not sell.
 */
public final class CounterSession {

    private static final Logger log = LoggerFactory.getLogger(CounterSession.class);

    private final Supplier<MarqueeClient> clients;
    private final Supplier<String> terminalTokens;
    private final Tasks tasks;
    private final Navigator navigator;
    private final SaleSession sale;

    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper username = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(Role.COUNTER);

    /**
     * @param client the application's client; it is switched between the staff session's token and
     *     {@code terminalToken}
     * @param terminalToken the counter terminal's own token, which signs staff in
     */
    public CounterSession(
            MarqueeClient client, String terminalToken, Tasks tasks, Navigator navigator, SaleSession sale) {
        this(() -> client, () -> terminalToken, tasks, navigator, sale);
    }

    /**
     * For an application whose client is replaced when the terminal is set up again: asks for the current client and
     * terminal token each time.
     */
    public CounterSession(
            Supplier<MarqueeClient> clients,
            Supplier<String> terminalTokens,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale) {
        this.clients = clients;
        this.terminalTokens = terminalTokens;
        this.tasks = tasks;
        this.navigator = navigator;
        this.sale = sale;
    }

    /** The counter terminal's own token, which signs staff in (and a manager's approval). */
    public String terminalToken() {
        return terminalTokens.get();
    }

    /** The application's client, speaking for whoever is signed in. */
    public MarqueeClient client() {
        return clients.get();
    }

    /** Signs a staff member in and switches the client to the session's token. Blocking: call it off the FX thread. */
    SessionView authenticate(String user, String pin) {
        MarqueeClient client = clients.get();
        client.useToken(terminalTokens.get());
        SessionView session = client.signIn(user, pin);
        client.useToken(session.token());
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
        navigator.go(Screen.SHOWTIMES);
        signedIn.set(true); // last: whoever waits for it finds the rest done
    }

    /**
     * Ends the staff session: releases a hold still open, ends the session on the server, and goes back to the
     * terminal's own token and the login screen. Locally it always signs out, even when the server cannot be told.
     */
    public void signOut() {
        if (!signedIn.get()) {
            navigator.go(Screen.LOGIN);
            return;
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
        clients.get().useToken(terminalTokens.get());
        forget();
    }

    private void endOnServer(Runnable releaseOpenHold) {
        MarqueeClient client = clients.get();
        try {
            releaseOpenHold.run();
        } catch (ApiProblem problem) {
            log.warn("event=release_on_sign_out_failed reason={}", problem.getMessage());
        }
        try {
            client.signOut();
        } catch (ApiProblem problem) {
            // the session ends by itself after 12 hours; this terminal stops using it now either way
            log.warn("event=sign_out_failed status={} reason={}", problem.status(), problem.getMessage());
        } finally {
            client.useToken(terminalTokens.get());
        }
    }

    private void forget() {
        if (signedIn.get()) {
            log.info("event=staff_signed_out user={}", username.get());
        }
        sale.forget(); // an open hold was given back on signing out
        displayName.set("");
        username.set("");
        role.set(Role.COUNTER);
        navigator.go(Screen.LOGIN);
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

    public boolean isSignedIn() {
        return signedIn.get();
    }
}
