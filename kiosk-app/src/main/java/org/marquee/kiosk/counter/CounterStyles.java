package org.marquee.kiosk.counter;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextFormatter;

/** Building blocks the counter's views share: their stylesheet, field labels with mnemonics, input filters. */
final class CounterStyles {

    static final String STYLESHEET = Objects.requireNonNull(
                    CounterStyles.class.getResource("/org/marquee/kiosk/css/counter-tools.css"),
                    "counter-tools.css is missing")
            .toExternalForm();

    private CounterStyles() {}

    /** A label whose mnemonic (the letter after '_') moves the focus to {@code field}. */
    static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("counter-field-label");
        return label;
    }

    /** Lets through digits only, at most {@code max}: a PIN field. */
    static UnaryOperator<TextFormatter.Change> digitsOnly(int max) {
        return change -> {
            String next = change.getControlNewText();
            return next.matches("\\d{0," + max + "}") ? change : null;
        };
    }

    /** Lets through letters and digits only, at most {@code max}, in capitals: a booking-code field. */
    static UnaryOperator<TextFormatter.Change> bookingCode(int max) {
        return change -> {
            String added = change.getText().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            change.setText(added);
            if (change.getControlNewText().length() > max) {
                return null;
            }
            return change;
        };
    }

    /** Shows a label only while it has something to say. */
    static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
