package org.marquee.kiosk.checkout;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.marquee.kiosk.core.CheckoutStyles;

/**
 * The frame the tickets and the payment screens share: the checkout styles, a title bar with the hold's countdown, the
 * showtime's heading below it, and a clock that ticks the screen's view-model every second until the screen is left.
 */
abstract class CheckoutScreen extends BorderPane implements AutoCloseable {

    private final Timeline ticking;

    CheckoutScreen(String id, String title, CheckoutFrame frame, Runnable tick) {
        setId(id);
        CheckoutStyles.apply(this, frame.mode());
        Label heading = new Label();
        heading.getStyleClass().add("showtime-heading");
        heading.textProperty().bind(frame.headingProperty());
        setTop(new VBox(
                CheckoutStyles.titleBar(title, CheckoutStyles.countdown(frame.timer(), frame.messages())), heading));
        ticking = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick.run()));
        ticking.setCycleCount(Animation.INDEFINITE);
        ticking.play();
    }

    /** Stops the countdown's ticking when the screen is left. */
    @Override
    public void close() {
        ticking.stop();
    }
}
