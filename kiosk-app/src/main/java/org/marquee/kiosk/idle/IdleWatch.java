package org.marquee.kiosk.idle;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import org.marquee.kiosk.core.CheckoutStyles;
import org.marquee.kiosk.i18n.Messages;

/** Connects an {@link IdleTimer} to a window: every touch, click, scroll or key press on the scene counts. */
public final class IdleWatch {

    private IdleWatch() {}

    /** Reports every touch on {@code scene} to {@code timer} (filters, so a control that consumes it still counts). */
    public static void attach(Scene scene, IdleTimer timer) {
        EventHandler<Event> touched = event -> timer.touched();
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, touched::handle);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, touched::handle);
        scene.addEventFilter(ScrollEvent.SCROLL_STARTED, touched::handle);
        scene.addEventFilter(ScrollEvent.SCROLL, touched::handle);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, touched::handle);
    }

    /**
     * "Still there? Starting over in 8 s." while the timer warns, in the language chosen; hidden otherwise. The window
     * puts it where it catches the eye (above the screen); touching anywhere dismisses it.
     */
    public static Node notice(IdleTimer timer, ObservableValue<Messages> messages) {
        Label notice = new Label();
        notice.setId("idle-notice");
        notice.getStyleClass().add("idle-notice");
        notice.getStylesheets().add(CheckoutStyles.STYLESHEET);
        notice.setWrapText(true);
        notice.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.getValue()
                                .get("idle.warning", timer.secondsLeftProperty().get()),
                        timer.secondsLeftProperty(),
                        messages));
        notice.visibleProperty().bind(timer.warningProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMouseTransparent(true);
        return notice;
    }
}
