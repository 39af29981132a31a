package org.marquee.kiosk.adminstaff;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.Role;
import org.marquee.model.StaffMember;

/** The staff beside the form that adds or changes a person. Only binds to {@link StaffViewModel}. */
public final class StaffView extends StackPane {

    public StaffView(StaffViewModel model, Messages messages) {
        ListView<StaffMember> list = AdminStyles.list(
                "staff-list",
                model.staff(),
                member -> member.displayName() + " (" + member.username() + ")",
                member -> messages.get("counter.role." + member.role()) + " · "
                        + messages.get(member.active() ? "admin.staff.active" : "admin.staff.inactive"),
                model::edit);

        FormErrors errors = model.errors();
        GridPane grid = AdminStyles.grid();
        TextField username = AdminStyles.text(model.usernameProperty(), "alice");
        username.disableProperty().bind(model.editingProperty().isNotNull());
        AdminStyles.field(
                grid, "staff-username", messages.get("admin.staff.username"), username, errors.at("username"));
        AdminStyles.field(
                grid,
                "staff-display-name",
                messages.get("admin.staff.displayName"),
                AdminStyles.text(model.displayNameProperty(), ""),
                errors.at("displayName"));
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.getItems().setAll(StaffViewModel.ROLES);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role value) {
                return value == null ? "" : messages.get("counter.role." + value);
            }

            @Override
            public Role fromString(String text) {
                return null;
            }
        });
        role.valueProperty().bindBidirectional(model.roleProperty());
        AdminStyles.field(grid, "staff-role", messages.get("admin.staff.role"), role, errors.at("role"));
        PasswordField pin = new PasswordField();
        pin.setTextFormatter(
                new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,8}") ? change : null));
        pin.textProperty().bindBidirectional(model.pinProperty());
        pin.promptTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                model.editingProperty().get() == null
                                        ? "admin.staff.pin.prompt"
                                        : "admin.staff.pin.resetPrompt"),
                        model.editingProperty()));
        AdminStyles.field(grid, "staff-pin", messages.get("admin.staff.pin"), pin, errors.at("pin"));

        Label formTitle = new Label();
        formTitle.getStyleClass().add("card-title");
        formTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editingProperty().get() == null
                                ? messages.get("admin.staff.new")
                                : messages.get(
                                        "admin.editing",
                                        model.editingProperty().get().displayName()),
                        model.editingProperty()));
        Button save = AdminStyles.primary("staff-save", messages.get("admin.save"), model::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.workingProperty());
        Button active = AdminStyles.button("staff-toggle-active", "", model::toggleActive);
        active.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editingProperty().get() != null
                                        && !model.editingProperty().get().active()
                                ? messages.get("admin.staff.reactivate")
                                : messages.get("admin.staff.deactivate"),
                        model.editingProperty()));
        active.disableProperty().bind(model.editingProperty().isNull().or(model.workingProperty()));
        Button add = AdminStyles.button("staff-new", messages.get("admin.staff.add"), () -> {
            list.getSelectionModel().clearSelection();
            model.newMember();
        });
        var card = AdminStyles.card(
                "staff-form",
                formTitle,
                grid,
                AdminStyles.error("staff-form-error", errors.form()),
                AdminStyles.error("staff-active-error", errors.at("active")),
                AdminStyles.notice("staff-notice", model.noticeProperty()),
                AdminStyles.actions(save, active, add));

        getChildren()
                .add(AdminStyles.page(
                        messages.get("admin.staff.title"),
                        messages.get("admin.staff.hint"),
                        AdminStyles.listAndForm(list, card)));
        model.load();
    }
}
