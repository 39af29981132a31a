package org.marquee.kiosk.counter;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;

/**
 * The reminder a clerk gets on signing out with the cash shift still open, under the window's header on whatever
 * screen: "Close it now" (Enter or F7), "Sign out anyway" (Ctrl+Shift+L again) or "Stay signed in" (Escape). It
 * reminds, it never blocks. Shown only while {@link CounterSession#remindingProperty()} is true.
 */
public final class ShiftReminder extends VBox {

    public ShiftReminder(CounterSession session, ObservableValue<Messages> messages) {
        super(8);
        setId("shift-reminder");
        getStyleClass().addAll("counter-confirm", "shift-reminder");
        getStylesheets().add(CounterStyles.STYLESHEET);
        setAccessibleRole(AccessibleRole.TEXT);

        Label title = new Label();
        title.setId("shift-reminder-text");
        title.getStyleClass().add("counter-section");
        title.setWrapText(true);
        title.textProperty().bind(text(messages, "shift.reminder.title"));
        Label detail = new Label();
        detail.setId("shift-reminder-detail");
        detail.setWrapText(true);
        detail.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            CashShift open = session.shift() == null
                                    ? null
                                    : session.shift().shiftProperty().get();
                            return open == null
                                    ? ""
                                    : messages.getValue()
                                            .get(
                                                    "shift.reminder.detail",
                                                    DrawerCash.format(
                                                            open.expectedCashMinor(),
                                                            messages.getValue().locale()));
                        },
                        messages,
                        session.remindingProperty()));

        Button closeNow = button("shift-reminder-close", text(messages, "shift.reminder.close"), session::showShift);
        closeNow.getStyleClass().addAll("primary", "counter-primary");
        Button anyway =
                button("shift-reminder-sign-out", text(messages, "shift.reminder.signOut"), session::signOutAnyway);
        Button stay = button("shift-reminder-stay", text(messages, "shift.reminder.stay"), session::staySignedIn);
        stay.cancelButtonProperty().bind(session.remindingProperty());
        HBox actions = new HBox(10, closeNow, anyway, stay);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, detail, actions);
        // Enter presses the focused button here (first "Close it now"), never the screen's own default button
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                (anyway.isFocused() ? anyway : stay.isFocused() ? stay : closeNow).fire();
                event.consume();
            }
        });
        visibleProperty().bind(session.remindingProperty());
        managedProperty().bind(visibleProperty());
        session.remindingProperty().addListener((obs, before, now) -> {
            if (now) {
                Platform.runLater(closeNow::requestFocus);
            }
        });
    }

    private static Button button(String id, ObservableValue<String> text, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setMnemonicParsing(false);
        button.textProperty().bind(text);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static javafx.beans.binding.StringBinding text(ObservableValue<Messages> messages, String key) {
        return Bindings.createStringBinding(() -> messages.getValue().get(key), messages);
    }
}
