package org.marquee.kiosk.checkout;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** The tickets screen: one row per held seat with its ticket type, the server's total, an optional e-mail. */
public final class TicketsView extends CheckoutScreen {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TicketsViewModel model;
    private final Messages messages;
    private final VBox rows = new VBox();

    public TicketsView(TicketsViewModel model, Messages messages) {
        super("tickets-screen", messages.get("tickets.title"), model.frame(), model::tick);
        this.model = model;
        this.messages = messages;

        rows.getStyleClass().add("ticket-rows");
        model.lines().addListener((ListChangeListener<TicketLine>) change -> showRows());
        showRows();
        // the e-mail follows the last seat, so a short sale reads top to bottom without a gap
        VBox content = new VBox(rows, emailBox());
        content.getStyleClass().add("ticket-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("ticket-scroll");
        VBox center = new VBox(scroll);
        center.getStyleClass().add("checkout-body");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCenter(center);
        setBottom(footer());
    }

    private void showRows() {
        rows.getChildren().setAll(model.lines().stream().map(this::row).toList());
    }

    private Node row(TicketLine line) {
        Label seat = new Label();
        seat.getStyleClass().add("seat-label");
        seat.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> line.rowProperty().get().isEmpty()
                                ? line.seatId()
                                : messages.get(
                                        "tickets.seat",
                                        line.rowProperty().get(),
                                        line.numberProperty().get()),
                        line.rowProperty(),
                        line.numberProperty()));

        Label badge = new Label();
        badge.getStyleClass().add("seat-badge");
        badge.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get("tickets.seatType."
                                + line.seatTypeProperty().get().name()),
                        line.seatTypeProperty()));
        line.seatTypeProperty().addListener((obs, old, type) -> badgeStyle(badge, type));
        badgeStyle(badge, line.seatTypeProperty().get());
        badge.visibleProperty().bind(line.seatTypeProperty().isNotEqualTo(SeatType.STANDARD));
        badge.managedProperty().bind(badge.visibleProperty());

        Label price = new Label();
        price.setId("price-" + line.seatId());
        price.getStyleClass().add("ticket-price");
        price.textProperty()
                .bind(Bindings.when(line.priceProperty().isEmpty()).then("…").otherwise(line.priceProperty()));

        HBox row = new HBox(seat, badge, CheckoutStyles.grow(), typeChoice(line), price);
        row.setId("ticket-" + line.seatId());
        row.getStyleClass().add("ticket-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void badgeStyle(Label badge, SeatType type) {
        badge.getStyleClass().removeIf(style -> style.startsWith("seat-badge-"));
        badge.getStyleClass().add("seat-badge-" + type.name().toLowerCase(Locale.ROOT));
    }

    /** Adult, Child, Senior side by side; one is always chosen. */
    private Node typeChoice(TicketLine line) {
        ToggleGroup group = new ToggleGroup();
        HBox choice = new HBox();
        choice.getStyleClass().addAll("segmented", "ticket-types");
        for (TicketType type : TicketType.values()) {
            ToggleButton button = new ToggleButton(messages.get("tickets.type." + type.name()));
            button.setId("type-" + line.seatId() + "-" + type.name());
            button.getStyleClass().add("ticket-type");
            button.setToggleGroup(group);
            button.setSelected(line.type() == type);
            button.setOnAction(event -> {
                model.choose(line, type);
                button.setSelected(line.type() == type);
            });
            button.disableProperty().bind(model.lostProperty());
            choice.getChildren().add(button);
        }
        line.typeProperty()
                .addListener((obs, old, type) -> group.getToggles()
                        .forEach(toggle -> toggle.setSelected(
                                ((ToggleButton) toggle).getId().endsWith("-" + type.name()))));
        return choice;
    }

    private Node emailBox() {
        Label label = new Label(messages.get("tickets.email"));
        label.getStyleClass().add("field-label");
        TextField field = new TextField();
        field.setId("tickets-email");
        field.getStyleClass().add("email-field");
        field.setPromptText(messages.get("tickets.email.prompt"));
        field.textProperty().bindBidirectional(model.emailProperty());
        field.disableProperty().bind(model.lostProperty());
        label.setLabelFor(field);
        Label hint = new Label();
        hint.setId("tickets-email-hint");
        hint.getStyleClass().add("hint");
        hint.textProperty()
                .bind(Bindings.when(model.emailInvalidProperty())
                        .then(messages.get("tickets.email.invalid"))
                        .otherwise(messages.get("tickets.email.hint")));
        model.emailInvalidProperty().addListener((obs, was, invalid) -> hint.pseudoClassStateChanged(INVALID, invalid));
        VBox box = new VBox(label, field, hint);
        box.getStyleClass().add("email-box");
        return box;
    }

    private Node footer() {
        Label message = CheckoutStyles.message("tickets-message", "error");
        message.textProperty().bind(model.messageProperty());

        Button back = new Button(messages.get("tickets.back"));
        back.setId("tickets-back");
        back.setCancelButton(model.mode() == Mode.COUNTER);
        back.setOnAction(event -> model.back());
        back.disableProperty().bind(model.lostProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small");
        spinner.visibleProperty().bind(model.pricingProperty());

        Label totalCaption = new Label(messages.get("tickets.total"));
        totalCaption.getStyleClass().add("total-caption");
        Label total = new Label();
        total.setId("tickets-total");
        total.getStyleClass().add("total-amount");
        total.textProperty()
                .bind(Bindings.when(model.totalProperty().isEmpty()).then("…").otherwise(model.totalProperty()));

        Button next = new Button(messages.get("tickets.continue"));
        next.setId("tickets-continue");
        next.getStyleClass().add("primary");
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canContinueProperty().not());
        next.setOnAction(event -> model.continueToPayment());
        next.visibleProperty().bind(model.lostProperty().not());
        next.managedProperty().bind(next.visibleProperty());
        CheckoutStyles.focusWhenShown(next);
        // Continue is off until the server has priced the seats: it takes the focus the first time it is on, unless
        // the clerk is already typing the e-mail
        next.disabledProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean off) {
                if (!off && next.getScene() != null) {
                    next.disabledProperty().removeListener(this);
                    if (!(next.getScene().getFocusOwner() instanceof TextField)) {
                        next.requestFocus();
                    }
                }
            }
        });
        if (model.mode() == Mode.COUNTER) {
            CheckoutStyles.keyHint(next, messages.get("key.enter"));
            CheckoutStyles.keyHint(back, messages.get("key.escape"));
        }
        // Enter continues even when a ticket-type toggle has the focus (a focused toggle would take it for itself)
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof ToggleButton) {
                event.consume();
                if (!next.isDisabled() && next.isVisible()) {
                    next.fire();
                }
            }
        });

        Button startOver = new Button(messages.get("tickets.startOver"));
        startOver.setId("tickets-start-over");
        startOver.getStyleClass().add("primary");
        startOver.setOnAction(event -> model.startOver());
        startOver.visibleProperty().bind(model.lostProperty());
        startOver.managedProperty().bind(startOver.visibleProperty());

        HBox actions = new HBox(back, CheckoutStyles.grow(), spinner, totalCaption, total, next, startOver);
        actions.getStyleClass().add("checkout-actions");
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox footer = new VBox(message, actions);
        footer.getStyleClass().add("checkout-footer");
        return footer;
    }
}
