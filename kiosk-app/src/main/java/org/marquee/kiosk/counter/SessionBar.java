package org.marquee.kiosk.counter;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;

/**
 * Who is signed in at this counter, the state of their cash shift with "Open shift" (F6) or "Close shift" (F7), and a
 * "Sign out" button (Alt+O, or Ctrl+Shift+L anywhere): for the header of the main window. Shown only while a clerk or
 * manager is signed in; follows a change of language.
 */
public final class SessionBar extends HBox {

    public SessionBar(CounterSession session, ObservableValue<Messages> messages) {
        super(10);
        getStyleClass().add("counter-session-bar");
        getStylesheets().add(CounterStyles.STYLESHEET);
        setAlignment(Pos.CENTER_RIGHT);

        if (session.shift() != null) {
            getChildren().addAll(shiftParts(session, session.shift(), messages));
        }

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

    private static Node[] shiftParts(CounterSession session, ClerkShift shift, ObservableValue<Messages> messages) {
        Label state = new Label();
        state.setId("session-shift");
        state.getStyleClass().add("session-shift");
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> describe(shift, messages.getValue()),
                        messages,
                        shift.stateProperty(),
                        shift.shiftProperty(),
                        shift.autoOpenedProperty()));
        CounterStyles.showWhenText(state);

        Button open = new Button();
        open.setId("session-open-shift");
        open.setMnemonicParsing(false);
        open.textProperty()
                .bind(Bindings.createStringBinding(() -> messages.getValue().get("shift.open.button"), messages));
        open.setFocusTraversable(false);
        open.setOnAction(event -> session.showShift());
        open.visibleProperty().bind(shift.stateProperty().isNotEqualTo(ClerkShift.State.OPEN));
        open.managedProperty().bind(open.visibleProperty());

        Button close = new Button();
        close.setId("session-close-shift");
        close.setMnemonicParsing(false);
        close.textProperty()
                .bind(Bindings.createStringBinding(() -> messages.getValue().get("shift.close.button"), messages));
        close.setFocusTraversable(false);
        close.setOnAction(event -> session.showShift());
        close.visibleProperty().bind(shift.stateProperty().isEqualTo(ClerkShift.State.OPEN));
        close.managedProperty().bind(close.visibleProperty());
        return new Node[] {state, open, close};
    }

    /** "No shift open", "Shift open · float 150.00", or that a cash sale opened it. */
    static String describe(ClerkShift shift, Messages messages) {
        CashShift open = shift.shiftProperty().get();
        if (open == null && shift.stateProperty().get() == ClerkShift.State.OPEN) {
            return ""; // between the two changes of one answer
        }
        return switch (shift.stateProperty().get()) {
            case UNKNOWN -> "";
            case NONE -> messages.get("shift.state.none");
            case OPEN ->
                shift.autoOpenedProperty().get()
                        ? messages.get("shift.state.auto", DrawerCash.format(open.floatMinor(), messages.locale()))
                        : messages.get("shift.state.open", DrawerCash.format(open.floatMinor(), messages.locale()));
        };
    }
}
