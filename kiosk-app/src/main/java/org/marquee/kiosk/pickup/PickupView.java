package org.marquee.kiosk.pickup;

import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;

/**
 * The kiosk's pick-up screen: booking code and e-mail on the left, the order found on the right with Print and E-mail,
 * Back at the bottom. The two fields are plain text fields that take whatever a person types (the view-model tidies
 * case, spaces and dashes), so an on-screen keyboard can type into them like any other.
 */
public final class PickupView extends BorderPane implements AutoCloseable {

    private static final PseudoClass UNPAID = PseudoClass.getPseudoClass("unpaid");

    private final PickupViewModel model;
    private final Messages messages;
    private final Timeline ticker;

    public PickupView(PickupViewModel model, Messages messages, Mode mode) {
        this.model = model;
        this.messages = messages;
        setId("pickup-screen");
        CheckoutStyles.apply(this, mode);
        getStylesheets()
                .add(Objects.requireNonNull(PickupView.class.getResource("/org/marquee/kiosk/css/pickup.css"))
                        .toExternalForm());

        Label title = new Label(messages.get("pickup.title"));
        title.getStyleClass().add("screen-title");
        setTop(title);

        HBox body = new HBox(form(), order());
        body.getStyleClass().addAll("checkout-body", "pickup-body");
        body.setFillHeight(false);
        setCenter(body);
        setBottom(footer());

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private Node form() {
        Label intro = new Label(messages.get("pickup.intro"));
        intro.getStyleClass().add("pickup-intro");
        intro.setWrapText(true);

        TextField code = field("pickup-code", messages.get("pickup.code.prompt"));
        code.textProperty().bindBidirectional(model.codeProperty());
        Label codeLabel = label(messages.get("pickup.code"), code);
        TextField email = field("pickup-email", messages.get("pickup.email.prompt"));
        email.textProperty().bindBidirectional(model.emailProperty());
        Label emailLabel = label(messages.get("pickup.email"), email);
        code.setOnAction(event -> email.requestFocus());
        email.setOnAction(event -> model.find());

        Button find = new Button(messages.get("pickup.find"));
        find.setId("pickup-find");
        find.getStyleClass().add("primary");
        find.setDefaultButton(true);
        find.disableProperty().bind(model.canFindProperty().not());
        find.setOnAction(event -> model.find());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small");
        spinner.visibleProperty().bind(model.workingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox actions = new HBox(find, spinner);
        actions.getStyleClass().add("pickup-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        Label error = CheckoutStyles.message("pickup-error", "pickup-error");
        error.textProperty().bind(model.errorProperty());

        VBox form = new VBox(intro, codeLabel, code, emailLabel, email, actions, error);
        form.getStyleClass().addAll("card", "pickup-form");
        CheckoutStyles.focusWhenShown(code);
        return form;
    }

    private Node order() {
        Label caption = new Label(messages.get("pickup.order.code"));
        caption.getStyleClass().add("code-caption");
        Label code = detail("pickup-order-code", "booking-code");
        Label showtime = detail("pickup-showtime", "pickup-detail");
        Label seats = detail("pickup-seats", "pickup-detail");
        Label status = detail("pickup-status", "pickup-status");
        Label notice = CheckoutStyles.message("pickup-notice", "pickup-notice");
        model.orderProperty().addListener((obs, was, found) -> {
            code.setText(found == null ? "" : found.code());
            showtime.setText(found == null ? "" : found.showtime());
            seats.setText(found == null ? "" : found.seats());
            status.setText(found == null ? "" : found.status());
            status.pseudoClassStateChanged(UNPAID, found != null && !found.paid());
            notice.setText(found == null ? "" : found.notice());
        });

        Button print = new Button(messages.get("pickup.print"));
        print.setId("pickup-print");
        print.getStyleClass().add("primary");
        print.disableProperty().bind(model.canDeliverProperty().not());
        print.setOnAction(event -> model.print());
        Button mail = new Button(messages.get("pickup.emailAgain"));
        mail.setId("pickup-send");
        mail.disableProperty().bind(model.canDeliverProperty().not());
        mail.setOnAction(event -> model.sendEmail());
        HBox actions = new HBox(print, mail);
        actions.getStyleClass().add("pickup-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        // nothing to print for a refunded, cancelled or unpaid order: the buttons go, the notice says why
        actions.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.orderProperty().get() != null
                                && model.orderProperty().get().paid(),
                        model.orderProperty()));
        actions.managedProperty().bind(actions.visibleProperty());

        Label printStatus = CheckoutStyles.message("pickup-print-status", "status-text");
        printStatus.textProperty().bind(model.printStatusProperty());
        Label emailStatus = CheckoutStyles.message("pickup-email-status", "status-text");
        emailStatus.textProperty().bind(model.emailStatusProperty());

        VBox card = new VBox(caption, code, showtime, seats, status, notice, actions, printStatus, emailStatus);
        card.setId("pickup-order");
        card.getStyleClass().addAll("card", "pickup-order");
        card.visibleProperty().bind(model.orderProperty().isNotNull());
        return card;
    }

    private Node footer() {
        Button back = new Button(messages.get("pickup.back"));
        back.setId("pickup-back");
        back.setCancelButton(true);
        back.setOnAction(event -> model.back());
        HBox actions = new HBox(back, CheckoutStyles.grow());
        actions.getStyleClass().addAll("checkout-actions", "pickup-actions");
        return actions;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("pickup-field");
        field.setPromptText(prompt);
        return field;
    }

    private static Label label(String text, TextField field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    private static Label detail(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    /** Stops the wait's countdown; the shell closes a view when its screen is left. */
    @Override
    public void close() {
        ticker.stop();
    }
}
