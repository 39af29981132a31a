package org.marquee.kiosk.setup;

import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Enrollment;
import org.marquee.kiosk.settings.Mode;

/** The setup screen: asks the server's address, the terminal token and the mode; {@link SetupViewModel} checks. */
public final class SetupView extends VBox {

    private final SetupViewModel model;

    public SetupView(SetupViewModel model, Messages messages) {
        this.model = model;
        getStyleClass().addAll("screen", "setup");
        setAlignment(Pos.CENTER);
        setFillWidth(false);

        Label title = new Label(messages.get("setup.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(messages.get("setup.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");

        TextField server = new TextField();
        server.setId("setup-server");
        server.setPromptText(messages.get("setup.server.prompt"));
        server.textProperty().bindBidirectional(model.serverUrlProperty());
        Label serverLabel = fieldLabel(messages.get("setup.server"), server);

        PasswordField token = new PasswordField();
        token.setId("setup-token");
        token.setPromptText(messages.get("setup.token.prompt"));
        token.textProperty().bindBidirectional(model.terminalTokenProperty());
        Label tokenLabel = fieldLabel(messages.get("setup.token"), token);
        // an enrollment text pasted, or typed by a barcode reader, into either field fills both; later, not while the
        // field is still telling its binding about the change
        for (TextField field : new TextField[] {server, token}) {
            field.textProperty().addListener((obs, old, text) -> {
                if (Enrollment.complete(text)) {
                    Platform.runLater(() -> model.enroll(text));
                }
            });
        }

        ToggleGroup modes = new ToggleGroup();
        HBox modeButtons = new HBox();
        modeButtons.getStyleClass().add("segmented");
        for (Mode mode : Mode.values()) {
            ToggleButton button =
                    new ToggleButton(messages.get("app.mode." + mode.name().toLowerCase(Locale.ROOT)));
            button.setId("setup-mode-" + mode.name().toLowerCase(Locale.ROOT));
            button.setUserData(mode);
            button.setToggleGroup(modes);
            button.setSelected(mode == model.modeProperty().get());
            modeButtons.getChildren().add(button);
        }
        modes.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // one mode is always chosen
            } else {
                model.modeProperty().set((Mode) selected.getUserData());
            }
        });
        Label modeLabel = new Label(messages.get("setup.mode"));

        Label error = new Label();
        error.setId("setup-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button connect = new Button(messages.get("setup.connect"));
        connect.setId("setup-connect");
        connect.setDefaultButton(true);
        connect.getStyleClass().add("primary");
        connect.disableProperty().bind(model.checkingProperty());
        connect.setOnAction(event -> model.connect());
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("small");
        progress.visibleProperty().bind(model.checkingProperty());
        HBox actions = new HBox(connect, progress);
        actions.getStyleClass().add("actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox form =
                new VBox(title, intro, serverLabel, server, tokenLabel, token, modeLabel, modeButtons, error, actions);
        form.getStyleClass().addAll("form", "card");
        getChildren().add(form);
    }

    public SetupViewModel model() {
        return model;
    }

    private static Label fieldLabel(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        return label;
    }
}
