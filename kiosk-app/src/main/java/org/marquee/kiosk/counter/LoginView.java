package org.marquee.kiosk.counter;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;

/**
 * The clerk's sign-in: username, masked PIN (digits only), Enter signs in. Alt+U and Alt+P jump to the fields. Only
 * binds to {@link LoginViewModel}.
 */
public final class LoginView extends StackPane {

    public LoginView(LoginViewModel model, Messages messages) {
        getStyleClass().addAll("screen", "counter-login");
        getStylesheets().add(CounterStyles.STYLESHEET);

        Label title = new Label(messages.get("login.title"));
        title.getStyleClass().add("counter-title");
        Label subtitle =
                new Label(messages.get(model.session().managersOnly() ? "login.subtitle.admin" : "login.subtitle"));
        subtitle.getStyleClass().add("counter-subtitle");
        subtitle.setWrapText(true);

        TextField username = new TextField();
        username.setId("login-username");
        username.setPromptText(messages.get("login.username.prompt"));
        username.textProperty().bindBidirectional(model.usernameProperty());
        Label usernameLabel = CounterStyles.fieldLabel(messages.get("login.username"), username);

        PasswordField pin = new PasswordField();
        pin.setId("login-pin");
        pin.setPromptText(messages.get("login.pin.prompt"));
        pin.setTextFormatter(new TextFormatter<String>(CounterStyles.digitsOnly(8)));
        pin.textProperty().bindBidirectional(model.pinProperty());
        Label pinLabel = CounterStyles.fieldLabel(messages.get("login.pin"), pin);

        Button submit = new Button(messages.get("login.submit"));
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().addAll("primary", "counter-primary");
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(event -> model.signIn());

        // Enter in the username field moves on to the PIN while the PIN is still empty
        username.setOnAction(event -> {
            if (pin.getText().isEmpty()) {
                pin.requestFocus();
                event.consume();
            } else {
                model.signIn();
            }
        });
        pin.setOnAction(event -> model.signIn());

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().addAll("error", "counter-error");
        error.setWrapText(true);
        error.setAccessibleRole(AccessibleRole.TEXT);
        error.textProperty().bind(model.errorProperty());
        CounterStyles.showWhenText(error);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("counter-spinner");
        spinner.visibleProperty().bind(model.workingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label working = new Label(messages.get("login.working"));
        working.visibleProperty().bind(model.workingProperty());
        working.managedProperty().bind(working.visibleProperty());
        HBox busy = new HBox(8, spinner, working);
        busy.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(10, title, subtitle, usernameLabel, username, pinLabel, pin, submit, busy, error);
        card.getStyleClass().addAll("card", "login-card");
        card.setMaxWidth(420);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        // after every answer the PIN is empty again: put the cursor back where the next digit goes
        model.attemptsProperty().addListener((obs, before, after) -> {
            if (!model.errorProperty().get().isEmpty()) {
                pin.requestFocus();
            }
        });
        username.sceneProperty().addListener((obs, before, scene) -> {
            if (scene != null) {
                Platform.runLater(username::requestFocus);
            }
        });
    }
}
