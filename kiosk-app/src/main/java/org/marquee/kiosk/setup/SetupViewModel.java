package org.marquee.kiosk.setup;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.ServerCheck;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Enrollment;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;

/**
 * First start of a terminal: the server's address, the terminal token and the mode. {@link #connect()} checks them
 * against the server (its health, then the theaters with the token, so a wrong token shows the server's own words),
 * saves them, and hands them on.
 */
public final class SetupViewModel {

    /** How long the check waits for a server. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty terminalToken = new SimpleStringProperty("");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.COUNTER);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final Settings initial;
    private final Tasks tasks;
    private final Messages messages;
    private final SettingsStore store;
    private final Consumer<Settings> onConfigured;
    private final ServerCheck server;

    /**
     * @param initial what is known already (flags given on the command line fill the fields)
     * @param server checks the address and token typed ({@link ServerCheck#overHttp} in the application)
     * @param onConfigured called on the UI thread with the checked and saved settings
     */
    public SetupViewModel(
            Settings initial,
            ServerCheck server,
            Tasks tasks,
            Messages messages,
            SettingsStore store,
            Consumer<Settings> onConfigured) {
        this.initial = initial;
        this.server = server;
        this.tasks = tasks;
        this.messages = messages;
        this.store = store;
        this.onConfigured = onConfigured;
        serverUrl.set(initial.serverUrl() == null ? "" : initial.serverUrl());
        terminalToken.set(initial.terminalToken() == null ? "" : initial.terminalToken());
        mode.set(initial.mode());
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty terminalTokenProperty() {
        return terminalToken;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** What went wrong with the last attempt, for a person; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the server is being asked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /**
     * Fills the address and token from an enrollment text ({@code marquee://enroll?server=…&token=…}, pasted or typed
     * by a barcode reader); false, with an error to show, when the text is not a valid one.
     */
    public boolean enroll(String text) {
        var enrollment = Enrollment.parse(text);
        if (enrollment.isEmpty()) {
            error.set(messages.get("setup.error.badEnrollment"));
            return false;
        }
        serverUrl.set(enrollment.get().serverUrl());
        terminalToken.set(enrollment.get().token());
        error.set("");
        return true;
    }

    /**
     * Checks the address and token with the server; on success saves them and calls {@code onConfigured}. An
     * enrollment text in either field (a barcode reader ends with Enter) is read first.
     */
    public void connect() {
        if (checking.get()) {
            return;
        }
        for (String typed : new String[] {serverUrl.get(), terminalToken.get()}) {
            if (Enrollment.looksLike(typed)) {
                if (!enroll(typed)) {
                    return;
                }
                break;
            }
        }
        String url = Settings.normalizeServerUrl(serverUrl.get());
        String token = terminalToken.get() == null ? "" : terminalToken.get().strip();
        if (url.isEmpty()) {
            error.set(messages.get("setup.error.noServer"));
            return;
        }
        if (token.isEmpty()) {
            error.set(messages.get("setup.error.noToken"));
            return;
        }
        try {
            server.requireAddress(url);
        } catch (IllegalArgumentException e) {
            error.set(messages.get("setup.error.badUrl", url));
            return;
        }
        Settings settings = initial.withServer(url, token, mode.get());
        error.set("");
        checking.set(true);
        tasks.run(
                () -> {
                    server.check(url, token);
                    store.save(settings);
                    return settings;
                },
                saved -> {
                    checking.set(false);
                    onConfigured.accept(saved);
                },
                problem -> {
                    checking.set(false);
                    error.set(describe(problem, url));
                });
    }

    private String describe(ApiProblem problem, String url) {
        if (problem.offline()) {
            return messages.get("setup.error.unreachable", url);
        }
        if (problem.status() == 404) {
            return messages.get("setup.error.notMarquee", url);
        }
        return problem.getMessage(); // the server's own words, such as why the token was refused
    }
}
