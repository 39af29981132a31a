package org.marquee.kiosk.seatmap;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.marquee.kiosk.seatdrawing.SeatMapCanvas;

/**
 * The seat map without a mouse (a counter): the canvas under a focusable layer that draws a focus ring on the
 * {@link SeatCursor}'s seat. Arrow keys move the ring, Space chooses or gives back the seat under it, a number key
 * 1–9 chooses that many seats side by side from it, and Enter is left to the screen's Continue. A tap puts the ring
 * where it tapped and goes to {@code tap} (the map's toggle, or the kiosk's best-seat step). The ring shows only while the layer has the keyboard's focus.
 */
final class SeatKeys {

    private SeatKeys() {}

    /** The canvas in a layer that takes the keys; {@code keyboard} makes it focusable (a counter, not a kiosk). */
    static StackPane layer(
            SeatMapCanvas canvas, SeatCursor cursor, SeatMapViewModel model, boolean keyboard, Consumer<String> tap) {
        Region ring = new Region();
        ring.setId("seat-focus-ring");
        ring.getStyleClass().add("seat-focus-ring");
        ring.setManaged(false);
        ring.setVisible(false);
        StackPane layer = new StackPane(canvas);
        layer.setId("seat-keys");
        layer.setFocusTraversable(keyboard);
        Runnable place = () -> {
            Point2D centre = cursor.focusedProperty().get() == null
                    ? null
                    : canvas.seatCenter(cursor.focusedProperty().get());
            double cell = canvas.cellSize();
            boolean shown = layer.isFocused() && centre != null && cell > 0;
            ring.setVisible(shown);
            if (shown) {
                double side = cell + 4;
                ring.resizeRelocate(centre.getX() - side / 2, centre.getY() - side / 2, side, side);
            }
        };
        // placed in the layout pass, after the canvas (laid out first) has fitted its seats to its new size
        Pane overlay = new Pane(ring) {
            @Override
            protected void layoutChildren() {
                place.run();
            }
        };
        overlay.setMouseTransparent(true);
        layer.getChildren().add(overlay);

        cursor.focusedProperty().addListener((obs, before, now) -> {
            if (now != null && keyboard) {
                canvas.reveal(now); // a large hall pans to the ring's seat
            }
            overlay.requestLayout();
        });
        canvas.setOnViewMoved(overlay::requestLayout);
        layer.focusedProperty().addListener((obs, before, now) -> overlay.requestLayout());
        model.seatMapProperty().addListener((obs, before, map) -> {
            cursor.show(map);
            overlay.requestLayout();
        });
        cursor.show(model.seatMapProperty().get());

        canvas.setOnSeat(seatId -> {
            cursor.focus(seatId);
            tap.accept(seatId);
        });
        if (keyboard) {
            layer.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (press(event.getCode(), cursor, model)) {
                    event.consume();
                }
            });
        }
        return layer;
    }

    /** Acts on a key; false for a key the seat map leaves to others (Enter, Escape, Tab…). */
    private static boolean press(KeyCode key, SeatCursor cursor, SeatMapViewModel model) {
        switch (key) {
            case LEFT, KP_LEFT -> cursor.move(SeatCursor.Direction.LEFT);
            case RIGHT, KP_RIGHT -> cursor.move(SeatCursor.Direction.RIGHT);
            case UP, KP_UP -> cursor.move(SeatCursor.Direction.UP);
            case DOWN, KP_DOWN -> cursor.move(SeatCursor.Direction.DOWN);
            case SPACE -> {
                String seat = cursor.focusedProperty().get();
                if (seat != null) {
                    model.toggle(seat);
                }
            }
            default -> {
                int count = digit(key);
                if (count < 1) {
                    return false;
                }
                List<String> block = cursor.block(count, model.mine());
                block.stream().filter(seat -> !model.mine().contains(seat)).forEach(model::toggle);
            }
        }
        return true;
    }

    private static int digit(KeyCode key) {
        if (key.isDigitKey()) {
            String name = key.getName(); // "1" or "Numpad 1"
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }
}
