package org.marquee.kiosk.core;

import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;

/** What the checkout and done screens share in looks: their stylesheet, the mode's style class, the countdown. */
public final class CheckoutStyles {

    public static final String STYLESHEET = Objects.requireNonNull(
                    CheckoutStyles.class.getResource("/org/marquee/kiosk/css/checkout.css"), "checkout.css is missing")
            .toExternalForm();

    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");

    private CheckoutStyles() {}

    /** Gives a screen's root the stylesheet and the classes "screen", "checkout" and "checkout-kiosk"/"-counter". */
    public static void apply(Pane root, Mode mode) {
        root.getStylesheets().add(STYLESHEET);
        root.getStyleClass()
                .addAll("screen", "checkout", "checkout-" + mode.name().toLowerCase(Locale.ROOT));
    }

    /** "Seats held for 04:32", turning urgent in the last minute; hidden when there is no hold. */
    public static Label countdown(HoldTimer timer, Messages messages) {
        Label label = new Label();
        label.setId("hold-countdown");
        label.getStyleClass().add("countdown");
        label.setMinWidth(Region.USE_PREF_SIZE); // the title gives way, never the time left
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "tickets.countdown", timer.textProperty().get()),
                        timer.textProperty()));
        label.visibleProperty().bind(timer.shownProperty());
        label.managedProperty().bind(label.visibleProperty());
        timer.urgentProperty().addListener((obs, was, urgent) -> label.pseudoClassStateChanged(URGENT, urgent));
        label.pseudoClassStateChanged(URGENT, timer.urgentProperty().get());
        return label;
    }

    /** A title on the left, the countdown on the right. */
    public static HBox titleBar(String title, Label countdown) {
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        HBox bar = new HBox(heading, grow(), countdown);
        bar.getStyleClass().add("title-bar");
        return bar;
    }

    /** An empty region that takes the room left in an HBox. */
    public static Region grow() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    /** Puts the keyboard's focus on {@code node} once its screen is shown: where a clerk starts typing. */
    public static void focusWhenShown(Node node) {
        node.sceneProperty().addListener((obs, before, scene) -> {
            if (scene != null) {
                Platform.runLater(node::requestFocus);
            }
        });
    }

    /** Shows on a counter's button the key that presses it ("Enter", "Esc", "F2"), after its text. */
    public static void keyHint(Button button, String key) {
        Label hint = new Label(key);
        hint.getStyleClass().add("key-hint");
        button.setGraphic(hint);
        button.setContentDisplay(ContentDisplay.RIGHT);
        button.setGraphicTextGap(10);
    }

    /** A label that shows only while it has text. */
    public static Label message(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
