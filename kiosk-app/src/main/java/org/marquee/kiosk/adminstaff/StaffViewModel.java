package org.marquee.kiosk.adminstaff;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
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
import org.marquee.kiosk.client.StaffAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.Role;
import org.marquee.model.StaffMember;
import org.marquee.model.StaffRequest;

/**
 * The staff and what a manager changes: add a clerk or manager, rename, change role, reset the PIN, deactivate or
 * reactivate. The PIN is sent once and cleared at once; nobody can read it back. A change that would leave no active
 * manager is refused by the server (409 {@code LAST_MANAGER}) and said so plainly.
 */
public final class StaffViewModel {

    public static final String LAST_MANAGER = "LAST_MANAGER";
    /** The roles a person can have (the other roles belong to terminals). */
    public static final List<Role> ROLES = List.of(Role.CLERK, Role.MANAGER);

    static final List<String> FIELDS = List.of("username", "displayName", "role", "pin", "active");

    private final StaffAdmin admin;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StaffMember> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CLERK);
    private final StringProperty pin = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors(FIELDS);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public StaffViewModel(StaffAdmin admin, Tasks tasks, Messages messages) {
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
    }

    public void load() {
        working.set(true);
        tasks.run(
                admin::staff,
                list -> {
                    staff.setAll(list);
                    working.set(false);
                },
                this::failed);
    }

    public void newMember() {
        editing.set(null);
        username.set("");
        displayName.set("");
        role.set(Role.CLERK);
        pin.set("");
        errors.clear();
        notice.set("");
    }

    public void edit(StaffMember member) {
        if (member == null) {
            return;
        }
        editing.set(member);
        username.set(member.username());
        displayName.set(member.displayName());
        role.set(member.role());
        pin.set("");
        errors.clear();
        notice.set("");
    }

    /** Adds the person, or sends what changed: name, role, and a new PIN when one is typed. */
    public void save() {
        StaffMember before = editing.get();
        String typedPin = pin.get() == null || pin.get().isEmpty() ? null : pin.get();
        pin.set("");
        if (before == null) {
            StaffRequest request = new StaffRequest(
                    strip(username.get()),
                    strip(displayName.get()),
                    role.get(),
                    typedPin == null ? "" : typedPin,
                    null);
            send(() -> admin.createStaff(request), null, "admin.staff.created");
            return;
        }
        String name = strip(displayName.get());
        StaffRequest change = new StaffRequest(
                null,
                name.equals(before.displayName()) ? null : name,
                Objects.equals(role.get(), before.role()) ? null : role.get(),
                typedPin,
                null);
        if (change.displayName() == null && change.role() == null && change.pin() == null) {
            notice.set(messages.get("admin.staff.nothingChanged"));
            return;
        }
        send(
                () -> admin.updateStaff(before.id(), change),
                before,
                typedPin == null ? "admin.staff.saved" : "admin.staff.pinReset");
    }

    /** Deactivates the person edited (they can no longer sign in), or reactivates them. */
    public void toggleActive() {
        StaffMember before = editing.get();
        if (before == null) {
            return;
        }
        StaffRequest change = new StaffRequest(null, null, null, null, !before.active());
        send(
                () -> admin.updateStaff(before.id(), change),
                before,
                before.active() ? "admin.staff.deactivated" : "admin.staff.reactivated");
    }

    private void send(Callable<StaffMember> call, StaffMember before, String noticeKey) {
        if (working.get()) {
            return;
        }
        errors.clear();
        notice.set("");
        working.set(true);
        tasks.run(
                call,
                saved -> {
                    int at = before == null ? -1 : staff.indexOf(before);
                    if (at >= 0) {
                        staff.set(at, saved);
                    } else {
                        staff.add(saved);
                    }
                    edit(saved);
                    notice.set(messages.get(noticeKey, saved.displayName()));
                    working.set(false);
                },
                this::failed);
    }

    private void failed(ApiProblem problem) {
        if (LAST_MANAGER.equals(problem.codeName())) {
            errors.setForm(messages.get("admin.staff.lastManager"));
        } else {
            errors.show(problem, messages.get("admin.offline"));
        }
        working.set(false);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public ObservableList<StaffMember> staff() {
        return FXCollections.unmodifiableObservableList(staff);
    }

    /** The person the form changes; null while it adds someone. */
    public ReadOnlyObjectProperty<StaffMember> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** The PIN for a new person, or a new PIN; emptied on every save. */
    public StringProperty pinProperty() {
        return pin;
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
