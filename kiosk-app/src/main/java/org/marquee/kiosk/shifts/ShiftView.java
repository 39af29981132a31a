package org.marquee.kiosk.shifts;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.shifts.ShiftViewModel.Step;

/**
 * The clerk's cash shift: the float to open it, or the expected cash and the count to close it, then the variance.
 * Keyboard: the amount field has the focus, Enter opens or closes, Escape goes back; after closing Enter is "Done".
 * Only binds to {@link ShiftViewModel}.
 */
public final class ShiftView extends StackPane {

    static final String STYLESHEET = Objects.requireNonNull(
                    ShiftView.class.getResource("/org/marquee/kiosk/css/counter-tools.css"),
                    "counter-tools.css is missing")
            .toExternalForm();

    public ShiftView(ShiftViewModel model, Messages messages) {
        getStyleClass().addAll("screen", "counter-shift");
        getStylesheets().add(STYLESHEET);
        BooleanBinding opening = model.stepProperty().isEqualTo(Step.OPENING);
        BooleanBinding closing = model.stepProperty().isEqualTo(Step.CLOSING);
        BooleanBinding closed = model.stepProperty().isEqualTo(Step.CLOSED);
        BooleanBinding unreachable = model.stepProperty().isEqualTo(Step.UNREACHABLE);
        BooleanBinding asking = opening.or(closing);

        Label title = new Label();
        title.setId("shift-title");
        title.getStyleClass().add("counter-title");
        title.textProperty().bind(byStep(model, step -> messages.get("shift.title." + step)));
        Label hint = new Label();
        hint.setId("shift-hint");
        hint.getStyleClass().add("counter-subtitle");
        hint.setWrapText(true);
        hint.textProperty()
                .bind(byStep(model, step -> messages.find("shift.hint." + step).orElse("")));
        showWhenText(hint);

        Label auto = new Label();
        auto.setId("shift-auto-opened");
        auto.getStyleClass().add("counter-info");
        auto.setWrapText(true);
        auto.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> closing.get() && model.autoOpenedProperty().get()
                                ? messages.get(
                                        "shift.autoOpened",
                                        model.figuresProperty().get().floatAmount())
                                : "",
                        closing,
                        model.autoOpenedProperty(),
                        model.figuresProperty()));
        showWhenText(auto);

        GridPane open = facts(
                model,
                List.of(
                        new Fact("shift.fact.openedAt", "shift-opened-at", ShiftFigures::openedAt),
                        new Fact("shift.fact.float", "shift-float", ShiftFigures::floatAmount),
                        new Fact("shift.fact.cashSales", "shift-cash-sales", ShiftFigures::cashSales),
                        new Fact("shift.fact.cashRefunds", "shift-cash-refunds", ShiftFigures::cashRefunds),
                        new Fact("shift.fact.expected", "shift-expected", ShiftFigures::expected)),
                messages);
        show(open, closing);
        GridPane counted = facts(
                model,
                List.of(
                        new Fact("shift.fact.expected", "shift-closed-expected", ShiftFigures::expected),
                        new Fact("shift.fact.counted", "shift-counted", ShiftFigures::counted)),
                messages);
        Label variance = new Label();
        variance.setId("shift-variance");
        variance.getStyleClass().add("shift-variance");
        variance.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.figuresProperty().get().variance(), model.figuresProperty()));
        model.figuresProperty().addListener((obs, before, now) -> {
            variance.getStyleClass().removeAll("short", "over", "balanced");
            variance.getStyleClass().add(now.balance().name().toLowerCase(java.util.Locale.ROOT));
        });
        VBox result = new VBox(10, counted, variance);
        show(result, closed);

        TextField amount = new TextField();
        amount.setId("shift-amount");
        amount.getStyleClass().add("shift-amount");
        amount.setPromptText("150.00");
        amount.setPrefColumnCount(10);
        // digits and a decimal separator only: the number keys and the point or comma of a counter keyboard
        amount.setTextFormatter(new TextFormatter<String>(
                change -> change.getControlNewText().matches("[0-9.,]{0,13}") ? change : null));
        amount.textProperty().bindBidirectional(model.amountProperty());
        amount.disableProperty().bind(model.workingProperty());
        Label amountLabel = new Label();
        amountLabel.setMnemonicParsing(true);
        amountLabel.setLabelFor(amount);
        amountLabel.getStyleClass().add("counter-field-label");
        amountLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> closing.get() ? messages.get("shift.counted.label") : messages.get("shift.float.label"),
                        closing));
        amount.setOnAction(event -> model.submit());
        VBox field = new VBox(4, amountLabel, amount);
        show(field, asking);

        Button submit = new Button();
        submit.setId("shift-submit");
        submit.setMnemonicParsing(false);
        submit.getStyleClass().addAll("primary", "counter-primary");
        submit.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(closing.get() ? "shift.close.submit" : "shift.open.submit"), closing));
        submit.defaultButtonProperty().bind(asking);
        submit.disableProperty().bind(model.workingProperty());
        submit.setOnAction(event -> model.submit());
        show(submit, asking);
        Button back = button("shift-back", messages.get("shift.back"), model::back);
        back.cancelButtonProperty().bind(asking.or(unreachable));
        show(back, asking.or(unreachable));
        Button retry = button("shift-retry", messages.get("shift.retry"), model::start);
        retry.defaultButtonProperty().bind(unreachable);
        show(retry, unreachable);
        Button done = button("shift-done", messages.get("shift.done"), model::back);
        done.getStyleClass().addAll("primary", "counter-primary");
        done.defaultButtonProperty().bind(closed);
        show(done, closed);
        Button signOut = button("shift-sign-out", messages.get("shift.signOut"), model::signOut);
        show(signOut, closed);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("counter-spinner");
        show(spinner, model.workingProperty().or(model.stepProperty().isEqualTo(Step.LOADING)));
        HBox actions = new HBox(10, submit, retry, done, signOut, back, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("shift-error");
        error.getStyleClass().addAll("error", "counter-error");
        error.setWrapText(true);
        error.setAccessibleRole(AccessibleRole.TEXT);
        error.textProperty().bind(model.errorProperty());
        showWhenText(error);

        VBox card = new VBox(12, title, hint, auto, open, result, field, error, actions);
        card.getStyleClass().addAll("card", "shift-card");
        card.setMaxWidth(560);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        model.stepProperty().addListener((obs, before, now) -> {
            if (now == Step.OPENING || now == Step.CLOSING) {
                Platform.runLater(amount::requestFocus);
            } else if (now == Step.CLOSED) {
                Platform.runLater(done::requestFocus);
            }
        });
        // a refusal: back into the field to type the amount again
        model.errorProperty().addListener((obs, before, now) -> {
            if (!now.isEmpty() && asking.get()) {
                Platform.runLater(amount::requestFocus);
            }
        });
    }

    private record Fact(String key, String id, Function<ShiftFigures, String> value) {}

    private static GridPane facts(ShiftViewModel model, List<Fact> facts, Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shift-facts");
        grid.setHgap(24);
        grid.setVgap(6);
        for (int row = 0; row < facts.size(); row++) {
            Fact fact = facts.get(row);
            Label name = new Label(messages.get(fact.key()));
            name.getStyleClass().add("shift-fact-name");
            Label value = new Label();
            value.setId(fact.id());
            value.getStyleClass().add("shift-fact-value");
            value.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> fact.value().apply(model.figuresProperty().get()), model.figuresProperty()));
            if (fact.key().equals("shift.fact.expected") || fact.key().equals("shift.fact.counted")) {
                name.getStyleClass().add("shift-expected");
                value.getStyleClass().add("shift-expected");
            }
            grid.addRow(row, name, value);
        }
        return grid;
    }

    private static StringBinding byStep(ShiftViewModel model, Function<String, String> text) {
        return Bindings.createStringBinding(
                () -> text.apply(model.stepProperty().get().name().toLowerCase(java.util.Locale.ROOT)),
                model.stepProperty());
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(when::get, when));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
