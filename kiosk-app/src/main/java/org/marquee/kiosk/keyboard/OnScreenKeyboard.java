package org.marquee.kiosk.keyboard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Big keys on the screen for a kiosk without a keyboard (decision 0027): shown once its field is touched, for as long
 * as it keeps the focus. The keys never take the focus (so the field keeps its caret and the keyboard stays up), type at the
 * caret, and Enter does the field's own action. Reusable by any screen: {@code new OnScreenKeyboard(field, layout)}
 * and put it where the screen has room (below the field, or across the bottom).
 */
public final class OnScreenKeyboard extends VBox {

    private static final String STYLESHEET = OnScreenKeyboard.class
            .getResource("/org/marquee/kiosk/css/keyboard.css")
            .toExternalForm();

    private final TextInputControl field;
    private final List<Button> buttons = new ArrayList<>();
    private final BooleanProperty wanted = new SimpleBooleanProperty(false);

    public OnScreenKeyboard(TextInputControl field, KeyboardLayout layout) {
        this.field = field;
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("on-screen-keyboard");
        setAlignment(Pos.CENTER);
        for (List<Key> row : layout.rows()) {
            HBox keys = new HBox();
            keys.getStyleClass().add("keyboard-row");
            keys.setAlignment(Pos.CENTER);
            for (Key key : row) {
                keys.getChildren().add(button(key));
            }
            getChildren().add(keys);
        }
        // up once the field is touched (not merely focused: a screen that puts the focus there when it opens must not
        // cover itself with keys), for as long as it keeps the focus; a tap elsewhere puts it away
        field.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> wanted.set(true));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                wanted.set(false);
            }
        });
        visibleProperty()
                .bind(wanted.and(field.focusedProperty())
                        .and(field.disabledProperty().not()));
        managedProperty().bind(visibleProperty());
    }

    private Button button(Key key) {
        Button button = new Button(key.label());
        button.setId("key-" + id(key));
        button.getStyleClass().add("keyboard-key");
        if (key.wide()) {
            button.getStyleClass().add("wide");
        }
        if (key.kind() == Key.Kind.ENTER) {
            button.getStyleClass().add("enter");
        }
        button.setFocusTraversable(false); // a tap on a key leaves the focus, and the caret, in the field
        button.setOnAction(event -> press(key));
        buttons.add(button);
        return button;
    }

    /** Does what {@code key} does to the field, as a tap on it would. */
    public void press(Key key) {
        if (key.kind() == Key.Kind.ENTER) {
            field.fireEvent(new ActionEvent(field, field));
            return;
        }
        Keystrokes.Edit edit = Keystrokes.press(key, field.getText(), field.getCaretPosition(), field.getAnchor());
        field.setText(edit.text());
        field.positionCaret(edit.caret());
    }

    public List<Button> buttons() {
        return List.copyOf(buttons);
    }

    private static String id(Key key) {
        return switch (key.kind()) {
            case BACKSPACE -> "backspace";
            case ENTER -> "enter";
            case TYPE ->
                switch (key.text()) {
                    case "@" -> "at";
                    case "." -> "dot";
                    case "-" -> "dash";
                    case "_" -> "underscore";
                    default -> key.text().startsWith(".") ? "dot" + key.text().substring(1) : key.text();
                };
        };
    }
}
