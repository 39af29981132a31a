package org.marquee.kiosk.done;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.keyboard.KeyboardLayout;
import org.marquee.kiosk.keyboard.OnScreenKeyboard;
import org.marquee.kiosk.settings.Mode;

/** The end of a sale: the booking code in big letters, printing, e-mail, and a new sale. */
public final class DoneView extends BorderPane {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final DoneViewModel model;
    private final Messages messages;
    private OnScreenKeyboard keyboard; // a kiosk's, for the e-mail field; null at a counter

    public DoneView(DoneViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("done-screen");
        CheckoutStyles.apply(this, model.mode());

        Label thanks = new Label(model.title());
        thanks.setId("done-title");
        thanks.getStyleClass().add("screen-title");
        Label caption = new Label(messages.get("done.code"));
        caption.getStyleClass().add("code-caption");
        Label code = new Label();
        code.setId("done-code");
        code.getStyleClass().add("booking-code");
        code.textProperty().bind(model.codeProperty());
        code.visibleProperty().bind(model.paidProperty());
        caption.visibleProperty().bind(model.paidProperty());
        Label summary = new Label();
        summary.setId("done-summary");
        summary.getStyleClass().add("done-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label seats = CheckoutStyles.message("done-seats", "done-seats");
        seats.textProperty().bind(model.seatsProperty());
        Label change = CheckoutStyles.message("done-change", "change-amount");
        change.textProperty().bind(model.changeProperty());

        VBox ticket = new VBox(caption, code, summary, seats, change);
        ticket.getStyleClass().addAll("card", "booking-card");
        ticket.setAlignment(Pos.CENTER);

        // printing and e-mail side by side, so the whole screen fits a kiosk without scrolling
        HBox delivery = new HBox(printColumn(), emailColumn());
        delivery.getStyleClass().add("delivery");
        delivery.setAlignment(Pos.TOP_CENTER);
        VBox body = new VBox(thanks, ticket, delivery);
        body.getStyleClass().addAll("checkout-body", "done-body");
        body.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("done-scroll");
        setCenter(scroll);
        setBottom(keyboard == null ? footer() : new VBox(keyboard, footer()));
        if (keyboard != null) {
            // the keys take the bottom of the screen: scroll the e-mail field (the last row) back into sight
            keyboard.visibleProperty().addListener((obs, was, shown) -> {
                if (shown) {
                    Platform.runLater(() -> scroll.setVvalue(scroll.getVmax()));
                }
            });
        }
    }

    private Node printColumn() {
        Button print = new Button(messages.get("done.print"));
        print.setId("done-print");
        print.getStyleClass().add("primary");
        print.disableProperty()
                .bind(model.printingProperty().or(model.paidProperty().not()));
        print.setOnAction(event -> model.print());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small");
        spinner.visibleProperty().bind(model.printingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = CheckoutStyles.message("done-print-status", "status-text");
        status.textProperty().bind(model.printStatusProperty());
        model.printFailedProperty().addListener((obs, was, failed) -> status.pseudoClassStateChanged(FAILED, failed));
        Label label = new Label(messages.get("done.print.caption"));
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        HBox actions = new HBox(print, spinner);
        actions.getStyleClass().add("done-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox column = new VBox(label, actions, status);
        column.getStyleClass().addAll("card", "done-column");
        return column;
    }

    private Node emailColumn() {
        Label label = new Label(messages.get("done.email"));
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        TextField field = new TextField();
        field.setId("done-email");
        field.getStyleClass().add("email-field");
        field.setPromptText(messages.get("tickets.email.prompt"));
        field.textProperty().bindBidirectional(model.emailProperty());
        field.disableProperty().bind(model.paidProperty().not());
        field.setOnAction(event -> model.sendEmail());
        label.setLabelFor(field);
        if (model.mode() == Mode.KIOSK) {
            // a kiosk has no keyboard: big keys come up across the bottom while the field is being typed into
            keyboard = new OnScreenKeyboard(
                    field, KeyboardLayout.email(messages.get("keyboard.backspace"), messages.get("done.email.send")));
        }
        Button send = new Button(messages.get("done.email.send"));
        send.setId("done-send");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(event -> model.sendEmail());
        Label status = CheckoutStyles.message("done-email-status", "status-text");
        status.textProperty().bind(model.emailStatusProperty());
        model.emailFailedProperty().addListener((obs, was, failed) -> status.pseudoClassStateChanged(FAILED, failed));
        HBox line = new HBox(field, send);
        line.getStyleClass().add("email-line");
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        VBox column = new VBox(label, line, status);
        column.getStyleClass().addAll("card", "done-column");
        return column;
    }

    private Node footer() {
        Button next = new Button(model.finishLabel());
        next.setId("done-new-sale");
        next.getStyleClass().add("primary");
        next.setOnAction(event -> model.newSale());
        if (model.mode() == Mode.COUNTER) {
            CheckoutStyles.keyHint(next, messages.get("key.newSale")); // F2 starts the next sale from any screen
        }
        HBox actions = new HBox(CheckoutStyles.grow(), next);
        actions.getStyleClass().add("checkout-actions");
        return actions;
    }
}
