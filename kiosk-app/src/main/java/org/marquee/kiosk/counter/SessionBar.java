package org.marquee.kiosk.counter;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.marquee.kiosk.i18n.Messages;

/**
 * Who is signed in at this counter, and a "Sign out" button (Alt+O, or Ctrl+Shift+L anywhere): for the header of the
 * main window. Shown only while a clerk or manager is signed in; follows a change of language.
 */
public final class SessionBar extends HBox {

    public SessionBar(CounterSession session, ObservableValue<Messages> messages) {
        super(10);
        getStyleClass().add("counter-session-bar");
        getStylesheets().add(CounterStyles.STYLESHEET);
        setAlignment(Pos.CENTER_RIGHT);

        Label who = new Label();
        who.setId("session-who");
        who.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.getValue()
                                .get(
                                        "counter.signedInAs",
                                        session.displayNameProperty().get(),
                                        messages.getValue()
                                                .get("counter.role."
                                                        + session.roleProperty().get())),
                        messages,
                        session.displayNameProperty(),
                        session.roleProperty()));
        Button signOut = new Button();
        signOut.setId("session-sign-out");
        signOut.textProperty()
                .bind(Bindings.createStringBinding(() -> messages.getValue().get("counter.signOut"), messages));
        signOut.setFocusTraversable(false);
        signOut.setOnAction(event -> session.signOut());

        getChildren().addAll(who, signOut);
        visibleProperty().bind(session.signedInProperty());
        managedProperty().bind(visibleProperty());
    }
}
