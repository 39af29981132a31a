package org.marquee.kiosk.checkout;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.PaymentMethod;

/** The payment screen: the total, cash with live change (counter), and the card terminal. */
public final class PaymentView extends CheckoutScreen {

    private final PaymentViewModel model;
    private final Messages messages;

    public PaymentView(PaymentViewModel model, Messages messages) {
        super("payment-screen", messages.get("payment.title"), model.frame(), model::tick);
        this.model = model;
        this.messages = messages;

        Label totalCaption = new Label(messages.get("payment.total"));
        totalCaption.getStyleClass().add("total-caption");
        Label total = new Label();
        total.setId("payment-total");
        total.getStyleClass().add("total-amount");
        total.textProperty().bind(model.totalProperty());
        HBox totalRow = new HBox(totalCaption, total);
        totalRow.getStyleClass().add("total-row");
        totalRow.setAlignment(Pos.BASELINE_LEFT);

        Label error = CheckoutStyles.message("payment-error", "error");
        error.textProperty().bind(model.errorProperty());
        Button startOver = new Button(messages.get("payment.startOver"));
        startOver.setId("payment-start-over");
        startOver.getStyleClass().add("primary");
        startOver.setOnAction(event -> model.startOver());
        startOver.visibleProperty().bind(model.lostProperty());
        startOver.managedProperty().bind(startOver.visibleProperty());

        VBox body = new VBox(totalRow);
        body.getStyleClass().add("checkout-body");
        if (model.cashAccepted()) {
            body.getChildren().add(methodChoice());
        }
        StackPane method = new StackPane(cashPane(), cardPane());
        method.getStyleClass().add("method-pane");
        method.visibleProperty().bind(model.lostProperty().not());
        method.managedProperty().bind(method.visibleProperty());
        body.getChildren().addAll(method, error, startOver);
        setCenter(body);
        setBottom(footer());
    }

    /** Cash or Card, at the counter. */
    private Node methodChoice() {
        ToggleGroup group = new ToggleGroup();
        HBox choice = new HBox();
        choice.getStyleClass().addAll("segmented", "payment-methods");
        for (PaymentMethod method : model.methods()) {
            ToggleButton button = new ToggleButton(messages.get("payment.method." + method.name()));
            button.setId("method-" + method.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(model.methodProperty().get() == method);
            button.setOnAction(event -> {
                model.selectMethod(method);
                button.setSelected(model.methodProperty().get() == method);
            });
            button.disableProperty().bind(model.payingProperty().or(model.lostProperty()));
            choice.getChildren().add(button);
        }
        model.methodProperty()
                .addListener((obs, old, method) -> group.getToggles()
                        .forEach(toggle -> toggle.setSelected(((ToggleButton) toggle)
                                .getId()
                                .equals("method-" + method.name().toLowerCase(Locale.ROOT)))));
        return choice;
    }

    private Node cashPane() {
        Label label = new Label(messages.get("payment.cash.tendered"));
        label.getStyleClass().add("field-label");
        TextField tendered = new TextField();
        tendered.setId("payment-tendered");
        tendered.getStyleClass().add("tendered-field");
        tendered.textProperty().bindBidirectional(model.tenderedProperty());
        tendered.disableProperty().bind(model.payingProperty());
        tendered.setOnAction(event -> model.payCash());
        label.setLabelFor(tendered);
        // the clerk types the amount handed over straight away, and again after choosing cash
        if (model.methodProperty().get() == PaymentMethod.CASH) {
            CheckoutStyles.focusWhenShown(tendered);
        }
        model.methodProperty().addListener((obs, before, method) -> {
            if (method == PaymentMethod.CASH) {
                Platform.runLater(tendered::requestFocus);
            }
        });

        HBox quick = new HBox();
        quick.getStyleClass().add("quick-amounts");
        model.quickAmountsProperty().addListener((obs, old, amounts) -> fillQuick(quick, amounts));
        fillQuick(quick, model.quickAmountsProperty().get());

        Label change = new Label();
        change.setId("payment-change");
        change.getStyleClass().add("change-amount");
        change.textProperty().bind(model.changeProperty());

        Button pay = new Button(messages.get("payment.cash.pay"));
        pay.setId("payment-pay-cash");
        pay.getStyleClass().add("primary");
        pay.disableProperty().bind(model.canPayCashProperty().not());
        pay.setOnAction(event -> model.payCash());
        CheckoutStyles.keyHint(pay, messages.get("key.enter")); // in the amount field; only counters take cash

        HBox tenderRow = new HBox(tendered, quick);
        tenderRow.getStyleClass().add("tender-row");
        VBox pane = new VBox(label, tenderRow, change, pay, status());
        pane.getStyleClass().addAll("card", "cash-pane");
        pane.visibleProperty().bind(model.methodProperty().isEqualTo(PaymentMethod.CASH));
        return pane;
    }

    private void fillQuick(HBox quick, List<PaymentViewModel.QuickAmount> amounts) {
        quick.getChildren().clear();
        for (int i = 0; i < amounts.size(); i++) {
            PaymentViewModel.QuickAmount amount = amounts.get(i);
            Button button = new Button(amount.label());
            button.setId("quick-" + i);
            button.getStyleClass().add("quick-amount");
            button.setFocusTraversable(false);
            button.setOnAction(event -> model.tender(amount.minor()));
            button.disableProperty().bind(model.payingProperty());
            quick.getChildren().add(button);
        }
    }

    /** The card terminal: "Insert or tap card", the simulated card's answer on a demo terminal, and the tap. */
    private Node cardPane() {
        Label terminal = new Label(messages.get("payment.card.terminal"));
        terminal.getStyleClass().add("terminal-name");
        Label prompt = new Label(messages.get("payment.card.prompt"));
        prompt.setId("payment-card-prompt");
        prompt.getStyleClass().add("card-prompt");

        Button tap = new Button(messages.get("payment.card.tap"));
        tap.setId("payment-pay-card");
        tap.getStyleClass().addAll("primary", "tap-button");
        tap.disableProperty().bind(model.canPayCardProperty().not());
        tap.setOnAction(event -> model.payByCard());

        VBox pane = new VBox(terminal, prompt, tap);
        if (model.cardChoiceOffered()) {
            pane.getChildren().add(cardChoice());
        }
        pane.getChildren().add(status());
        pane.getStyleClass().addAll("card", "card-terminal");
        pane.setAlignment(Pos.TOP_CENTER);
        pane.visibleProperty().bind(model.methodProperty().isEqualTo(PaymentMethod.CARD));
        return pane;
    }

    private Node cardChoice() {
        ComboBox<String> tokens = new ComboBox<>();
        tokens.setId("payment-card-token");
        tokens.getItems().setAll(model.cardTokens());
        tokens.valueProperty().bindBidirectional(model.cardTokenProperty());
        tokens.setConverter(new StringConverter<>() {
            @Override
            public String toString(String token) {
                return token == null ? "" : messages.get("payment.card.token." + token);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        tokens.disableProperty().bind(model.payingProperty());
        Label label = new Label(messages.get("payment.card.choice"));
        label.setLabelFor(tokens);
        label.getStyleClass().add("hint");
        HBox choice = new HBox(label, tokens);
        choice.getStyleClass().add("card-choice");
        choice.setAlignment(Pos.CENTER);
        return choice;
    }

    /** A spinner and "Waiting for the card terminal…" while a payment is on its way. */
    private Node status() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small");
        Label text = new Label();
        text.getStyleClass().add("payment-status");
        text.textProperty().bind(model.statusProperty());
        HBox status = new HBox(spinner, text);
        status.getStyleClass().add("payment-status-row");
        status.setAlignment(Pos.CENTER_LEFT);
        status.visibleProperty().bind(model.payingProperty());
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }

    private Node footer() {
        Button back = new Button(messages.get("payment.back"));
        back.setId("payment-back");
        back.setCancelButton(model.mode() == Mode.COUNTER);
        back.setOnAction(event -> model.back());
        back.disableProperty().bind(model.payingProperty().or(model.lostProperty()));
        if (model.mode() == Mode.COUNTER) {
            CheckoutStyles.keyHint(back, messages.get("key.escape"));
        }
        HBox actions = new HBox(back);
        actions.getStyleClass().add("checkout-actions");
        return actions;
    }
}
