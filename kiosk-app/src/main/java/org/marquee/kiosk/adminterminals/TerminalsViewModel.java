package org.marquee.kiosk.adminterminals;

import com.google.zxing.common.BitMatrix;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.TerminalAdmin;
import org.marquee.kiosk.client.TheaterAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalKind;
import org.marquee.model.TerminalRequest;
import org.marquee.model.TheaterSettings;

/**
 * The terminals (kiosks, counters, door scanners) and what a manager does with them: add one, revoke one, give one a
 * new token. A new token is shown once, with its enrollment text for the terminal's setup screen, until the manager
 * says it is noted ({@link #dismissToken()}); it is never asked for again. Revoking and rotating stop the old token at
 * once, so both ask to be confirmed first.
 */
public final class TerminalsViewModel {

    /** What waits for the manager's confirmation. */
    public enum Pending {
        NONE,
        REVOKE,
        ROTATE
    }

    static final List<String> FIELDS = List.of("name", "kind", "theaterId");

    private final TerminalAdmin terminalsApi;
    private final TheaterAdmin theatersApi;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<AdminTerminal> terminals = FXCollections.observableArrayList();
    private final ObservableList<TheaterSettings> theaters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AdminTerminal> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AdminTerminal> issued = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BitMatrix> issuedCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pending> pending = new ReadOnlyObjectWrapper<>(Pending.NONE);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TerminalKind> kind = new SimpleObjectProperty<>(TerminalKind.KIOSK);
    private final ObjectProperty<TheaterSettings> theater = new SimpleObjectProperty<>();
    private final FormErrors errors = new FormErrors(FIELDS);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public TerminalsViewModel(TerminalAdmin terminalsApi, TheaterAdmin theatersApi, Tasks tasks, Messages messages) {
        this.terminalsApi = terminalsApi;
        this.theatersApi = theatersApi;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The terminals and the theaters they may stand in. */
    public void load() {
        working.set(true);
        tasks.run(
                () -> new Loaded(terminalsApi.terminals(), theatersApi.theaters()),
                loaded -> {
                    theaters.setAll(loaded.theaters());
                    if (theater.get() == null && !theaters.isEmpty()) {
                        theater.set(theaters.getFirst());
                    }
                    terminals.setAll(loaded.terminals());
                    working.set(false);
                },
                this::failed);
    }

    private record Loaded(List<AdminTerminal> terminals, List<TheaterSettings> theaters) {}

    /** Adds the terminal of the form; its token is then shown once. */
    public void create() {
        if (working.get()) {
            return;
        }
        errors.clear();
        notice.set("");
        TerminalRequest request = new TerminalRequest(
                name.get() == null ? "" : name.get().strip(),
                kind.get(),
                theater.get() == null ? null : theater.get().id());
        working.set(true);
        tasks.run(
                () -> Issued.of(terminalsApi.createTerminal(request)),
                done -> {
                    AdminTerminal created = done.terminal();
                    terminals.add(withoutSecret(created));
                    show(done);
                    name.set("");
                    working.set(false);
                },
                this::failed);
    }

    public void select(AdminTerminal terminal) {
        selected.set(terminal);
        pending.set(Pending.NONE);
        notice.set("");
        errors.setForm("");
    }

    /** Asks to confirm revoking or rotating the selected terminal's token. */
    public void ask(Pending action) {
        if (selected.get() != null) {
            pending.set(action);
        }
    }

    public void cancel() {
        pending.set(Pending.NONE);
    }

    /** Does what was asked: revoke (the token stops at once) or rotate (a new token, shown once). */
    public void confirm() {
        AdminTerminal terminal = selected.get();
        Pending action = pending.get();
        if (terminal == null || action == Pending.NONE || working.get()) {
            return;
        }
        pending.set(Pending.NONE);
        errors.clear();
        working.set(true);
        tasks.run(
                () -> action == Pending.REVOKE
                        ? new Issued(terminalsApi.revokeTerminal(terminal.id()), null)
                        : Issued.of(terminalsApi.rotateToken(terminal.id())),
                done -> {
                    AdminTerminal changed = done.terminal();
                    AdminTerminal listed = withoutSecret(changed);
                    int at = terminals.indexOf(terminal);
                    if (at >= 0) {
                        terminals.set(at, listed);
                    }
                    selected.set(listed);
                    if (action == Pending.ROTATE) {
                        show(done);
                    } else {
                        notice.set(messages.get("admin.terminals.revoked", changed.name()));
                    }
                    working.set(false);
                },
                this::failed);
    }

    /** The manager has noted the token: it is forgotten here and cannot be shown again. */
    public void dismissToken() {
        issuedCode.set(null);
        issued.set(null);
    }

    /** The code first: whoever watches {@link #issuedProperty()} finds the code of the terminal it is told of. */
    private void show(Issued done) {
        issuedCode.set(done.code());
        issued.set(done.terminal());
    }

    /**
     * A terminal as the server answered, with its enrollment text's QR code when it has one: the code is made (and
     * read back, a few milliseconds) with the request, off the UI thread.
     */
    private record Issued(AdminTerminal terminal, BitMatrix code) {
        static Issued of(AdminTerminal terminal) {
            return new Issued(
                    terminal, terminal.enrollment() == null ? null : EnrollmentQr.modules(terminal.enrollment()));
        }
    }

    private void failed(ApiProblem problem) {
        errors.show(problem, messages.get("admin.offline"));
        working.set(false);
    }

    private static AdminTerminal withoutSecret(AdminTerminal terminal) {
        return new AdminTerminal(
                terminal.id(),
                terminal.name(),
                terminal.kind(),
                terminal.theaterId(),
                terminal.createdAt(),
                terminal.revokedAt(),
                null,
                null);
    }

    /** "Cine Sol" for a terminal's theater id; the id when the theater is not listed. */
    public String theaterName(long theaterId) {
        Map<Long, String> names =
                theaters.stream().collect(Collectors.toMap(TheaterSettings::id, TheaterSettings::name, (a, b) -> a));
        return names.getOrDefault(theaterId, "#" + theaterId);
    }

    public ObservableList<AdminTerminal> terminals() {
        return FXCollections.unmodifiableObservableList(terminals);
    }

    public ObservableList<TheaterSettings> theaters() {
        return FXCollections.unmodifiableObservableList(theaters);
    }

    public ReadOnlyObjectProperty<AdminTerminal> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The terminal whose new token is shown, once; null otherwise. */
    public ReadOnlyObjectProperty<AdminTerminal> issuedProperty() {
        return issued.getReadOnlyProperty();
    }

    /** The QR code of the issued terminal's enrollment text, one bit per module; null when none is shown. */
    public ReadOnlyObjectProperty<BitMatrix> issuedCodeProperty() {
        return issuedCode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pending> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TerminalKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<TheaterSettings> theaterProperty() {
        return theater;
    }

    public FormErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
