package org.marquee.kiosk.adminterminals;

import com.google.zxing.common.BitMatrix;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.marquee.kiosk.adminterminals.TerminalsViewModel.Pending;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalKind;
import org.marquee.model.TheaterSettings;

/**
 * The terminals with "Revoke" and "New token" for the one chosen, the form that adds one, and, once, the new token
 * with its enrollment QR code. Only binds to {@link TerminalsViewModel}.
 */
public final class TerminalsView extends StackPane {

    private final DateTimeFormatter dates;

    public TerminalsView(TerminalsViewModel model, Messages messages) {
        dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        ListView<AdminTerminal> list = AdminStyles.list(
                "terminals-list",
                model.terminals(),
                AdminTerminal::name,
                terminal -> messages.get("admin.terminals.kind." + terminal.kind()) + " · "
                        + model.theaterName(terminal.theaterId()) + " · "
                        + (terminal.revokedAt() == null
                                ? messages.get("admin.terminals.active")
                                : messages.get("admin.terminals.revokedOn", dates.format(terminal.revokedAt()))),
                model::select);

        Button revoke = AdminStyles.button(
                "terminal-revoke", messages.get("admin.terminals.revoke"), () -> model.ask(Pending.REVOKE));
        Button rotate = AdminStyles.button(
                "terminal-rotate", messages.get("admin.terminals.rotate"), () -> model.ask(Pending.ROTATE));
        var unusable = Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null
                        || model.selectedProperty().get().revokedAt() != null
                        || model.workingProperty().get(),
                model.selectedProperty(),
                model.workingProperty());
        revoke.disableProperty().bind(unusable);
        rotate.disableProperty().bind(unusable);

        Label question = new Label();
        question.setId("terminal-confirm-text");
        question.setWrapText(true);
        question.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() == null
                                        || model.pendingProperty().get() == Pending.NONE
                                ? ""
                                : messages.get(
                                        "admin.terminals.confirm."
                                                + model.pendingProperty().get(),
                                        model.selectedProperty().get().name()),
                        model.pendingProperty(),
                        model.selectedProperty()));
        Button yes = AdminStyles.primary("terminal-confirm", messages.get("admin.confirm"), model::confirm);
        Button no = AdminStyles.button("terminal-cancel", messages.get("admin.cancel"), model::cancel);
        VBox confirm = new VBox(question, AdminStyles.actions(yes, no));
        confirm.getStyleClass().add("admin-confirm");
        confirm.visibleProperty().bind(model.pendingProperty().isNotEqualTo(Pending.NONE));
        confirm.managedProperty().bind(confirm.visibleProperty());

        VBox left = new VBox(
                8,
                list,
                AdminStyles.actions(revoke, rotate),
                confirm,
                AdminStyles.notice("terminal-notice", model.noticeProperty()));
        VBox.setVgrow(list, Priority.ALWAYS);

        StackPane right = new StackPane(form(model, messages), issued(model, messages));
        getChildren()
                .add(AdminStyles.page(
                        messages.get("admin.terminals.title"),
                        messages.get("admin.terminals.hint"),
                        AdminStyles.listAndForm(left, right)));
        model.load();
    }

    private VBox form(TerminalsViewModel model, Messages messages) {
        FormErrors errors = model.errors();
        GridPane grid = AdminStyles.grid();
        AdminStyles.field(
                grid,
                "terminal-name",
                messages.get("admin.terminals.name"),
                AdminStyles.text(model.nameProperty(), messages.get("admin.terminals.name.prompt")),
                errors.at("name"));
        ChoiceBox<TerminalKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(TerminalKind.values());
        kind.setConverter(converter(value -> messages.get("admin.terminals.kind." + value)));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        AdminStyles.field(grid, "terminal-kind", messages.get("admin.terminals.kind"), kind, errors.at("kind"));
        ChoiceBox<TheaterSettings> theater = new ChoiceBox<>(model.theaters());
        theater.setConverter(converter(TheaterSettings::name));
        theater.valueProperty().bindBidirectional(model.theaterProperty());
        AdminStyles.field(
                grid, "terminal-theater", messages.get("admin.terminals.theater"), theater, errors.at("theaterId"));
        Label title = new Label(messages.get("admin.terminals.new"));
        title.getStyleClass().add("card-title");
        Button add = AdminStyles.primary("terminal-add", messages.get("admin.terminals.add"), model::create);
        add.setDefaultButton(true);
        add.disableProperty().bind(model.workingProperty());
        VBox card = AdminStyles.card(
                "terminal-form",
                title,
                grid,
                AdminStyles.error("terminal-form-error", errors.form()),
                AdminStyles.actions(add));
        card.visibleProperty().bind(model.issuedProperty().isNull());
        return card;
    }

    /** The token and its QR code, shown while the view-model still holds them. */
    private VBox issued(TerminalsViewModel model, Messages messages) {
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label warning = new Label(messages.get("admin.terminals.onceOnly"));
        warning.getStyleClass().add("admin-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        TextField token = readOnly("terminal-token");
        token.getStyleClass().add("token");
        TextField enrollment = readOnly("terminal-enrollment");
        ImageView qr = new ImageView();
        qr.setId("terminal-qr");
        qr.setSmooth(false); // shown at its own size: every module the same whole number of pixels
        Button done =
                AdminStyles.primary("terminal-token-done", messages.get("admin.terminals.noted"), model::dismissToken);
        VBox card = new VBox(
                title,
                warning,
                new Label(messages.get("admin.terminals.token")),
                token,
                new Label(messages.get("admin.terminals.enrollment")),
                enrollment,
                new HBox(qr),
                AdminStyles.actions(done));
        card.setId("terminal-issued");
        card.getStyleClass().addAll("card", "admin-card", "admin-secret");
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, javafx.geometry.Pos.TOP_CENTER);
        model.issuedProperty()
                .addListener((obs, before, now) ->
                        show(now, model.issuedCodeProperty().get(), title, token, enrollment, qr, messages));
        show(model.issuedProperty().get(), model.issuedCodeProperty().get(), title, token, enrollment, qr, messages);
        card.visibleProperty().bind(model.issuedProperty().isNotNull());
        return card;
    }

    private static void show(
            AdminTerminal issued,
            BitMatrix code,
            Label title,
            TextField token,
            TextField enrollment,
            ImageView qr,
            Messages messages) {
        if (issued == null) {
            token.setText("");
            enrollment.setText("");
            qr.setImage(null);
            return;
        }
        title.setText(messages.get("admin.terminals.issued", issued.name()));
        token.setText(issued.token());
        enrollment.setText(issued.enrollment());
        qr.setImage(code == null ? null : EnrollmentQr.image(code, 220));
        token.requestFocus();
    }

    private static TextField readOnly(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        return field;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
