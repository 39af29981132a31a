package org.marquee.kiosk.counter;

import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;

/**
 * The clerk's sign-in at a counter terminal: username and PIN, sent with the terminal's token. The PIN is cleared
 * after every attempt and never logged; a refusal shows the server's own words (wrong PIN, account locked).
 */
public final class LoginViewModel {

    static final Pattern PIN = Pattern.compile("\\d{4,8}");

    private final CounterSession session;
    private final Tasks tasks;
    private final Messages messages;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper attempts = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canSubmit;

    public LoginViewModel(CounterSession session, Tasks tasks, Messages messages) {
        this.session = session;
        this.tasks = tasks;
        this.messages = messages;
        this.canSubmit = Bindings.createBooleanBinding(
                () -> !working.get()
                        && username.get() != null
                        && !username.get().isBlank()
                        && pin.get() != null
                        && PIN.matcher(pin.get()).matches(),
                working,
                username,
                pin);
    }

    /** Signs in with what was typed; the PIN field is emptied at once, whatever the answer. */
    public void signIn() {
        String user = username.get() == null ? "" : username.get().strip();
        String typedPin = pin.get() == null ? "" : pin.get();
        pin.set("");
        if (user.isEmpty()) {
            error.set(messages.get("login.error.username"));
            return;
        }
        if (!PIN.matcher(typedPin).matches()) {
            error.set(messages.get("login.error.pin"));
            return;
        }
        if (working.get()) {
            return;
        }
        working.set(true);
        error.set("");
        tasks.run(
                () -> session.authenticate(user, typedPin),
                // "working" ends last: whoever waits for it sees the whole answer
                started -> {
                    username.set("");
                    session.started(started);
                    attempts.set(attempts.get() + 1);
                    working.set(false);
                },
                problem -> {
                    error.set(describe(problem));
                    attempts.set(attempts.get() + 1);
                    working.set(false);
                });
    }

    private String describe(ApiProblem problem) {
        if (CounterSession.MANAGER_ONLY.equals(problem.codeName())) {
            return messages.get("login.error.managerOnly");
        }
        return problem.offline() ? messages.get("counter.offline") : problem.getMessage();
    }

    /** What the clerk types as username; bound both ways to the field. */
    public StringProperty usernameProperty() {
        return username;
    }

    /** What the clerk types as PIN; bound both ways to the masked field, cleared after every attempt. */
    public StringProperty pinProperty() {
        return pin;
    }

    /** Why the last attempt failed, for a person; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the server is asked. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Counts answered attempts, so a view can put the focus back into the PIN field after each. */
    public ReadOnlyIntegerProperty attemptsProperty() {
        return attempts.getReadOnlyProperty();
    }

    /** True when a username and a 4–8 digit PIN are typed and nothing is pending. */
    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public CounterSession session() {
        return session;
    }
}
