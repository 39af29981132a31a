package org.marquee.kiosk.seatdrawing;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * How a person moves around a large hall on the {@link SeatMapCanvas}: a finger drags it (the touch screen's scroll
 * gesture), two fingers pinch it, a mouse drags it, the wheel zooms around the pointer (Shift+wheel pans). A drag is
 * never a tap: the canvas only takes a click that did not move.
 */
final class SeatGestures {

    /** Zoom per notch of the wheel. */
    private static final double WHEEL_STEP = 1.15;

    private double lastX;
    private double lastY;

    private SeatGestures() {}

    static void install(SeatMapCanvas canvas) {
        SeatGestures gestures = new SeatGestures();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            gestures.lastX = event.getX();
            gestures.lastY = event.getY();
        });
        // a mouse drag; a finger's drag arrives as a direct scroll gesture below (its copy as a mouse drag is skipped)
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            if (!event.isSynthesized() && event.getButton() == MouseButton.PRIMARY) {
                canvas.panBy(event.getX() - gestures.lastX, event.getY() - gestures.lastY);
                gestures.lastX = event.getX();
                gestures.lastY = event.getY();
                event.consume();
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.isDirect() || event.isShiftDown() || event.getTouchCount() > 0) {
                canvas.panBy(event.getDeltaX(), event.getDeltaY());
            } else if (event.getDeltaY() != 0) {
                double factor = event.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
                canvas.zoomBy(factor, event.getX(), event.getY());
            }
            event.consume();
        });
        canvas.addEventHandler(ZoomEvent.ZOOM, event -> {
            canvas.zoomBy(event.getZoomFactor(), event.getX(), event.getY());
            event.consume();
        });
    }
}
