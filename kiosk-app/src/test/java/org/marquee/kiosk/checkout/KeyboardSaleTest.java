package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A counter sells without a mouse (issue 14, "a counter that sells without a mouse"), and the keys are counted: from
 * the seat map of the chosen showtime to the booking code of a 2-ticket cash sale. docs/KIOSK.md quotes the count.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardSaleTest {

    @TempDir
    Path tickets;

    private Stage stage;
    private int keys;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private CheckoutWindow seatMapOf(FxRobot robot, FakeBoxOffice.Terminal clerk, int showtime) {
        ShowtimeListing listing = CheckoutFixture.imaxShowtime(clerk, showtime);
        SaleSession sale = new SaleSession(clerk, new Tasks(Platform::runLater));
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(() -> {
            sale.choose(1L, listing);
            window[0] = new CheckoutWindow(stage, clerk, sale, Mode.COUNTER, tickets).open(Screen.SEAT_MAP);
        });
        // the seats are read and the keyboard's ring is on a free seat, without a key pressed yet
        Fx.waitUntil(() -> "seat-keys".equals(focusedId(window[0])));
        Fx.waitUntil(() -> Fx.showing(robot, "#seat-focus-ring"));
        return window[0];
    }

    private void press(FxRobot robot, KeyCode key) {
        keys++;
        robot.type(key);
    }

    private static String focusedId(CheckoutWindow window) {
        Node owner = window.scene().getFocusOwner();
        return owner == null ? "" : String.valueOf(owner.getId());
    }

    private static SeatMapView seatMap(CheckoutWindow window) {
        return (SeatMapView) ((javafx.scene.layout.BorderPane) window.scene().getRoot()).getCenter();
    }

    /** True when the drawn ring is centred on {@code seatId} as the canvas draws it. */
    private static boolean ringIsOver(SeatMapView seatMap, String seatId) {
        Node ring = seatMap.lookup("#seat-focus-ring");
        if (ring == null || !ring.isVisible()) {
            return false;
        }
        var drawn = ring.localToScene(ring.getBoundsInLocal());
        var seat = seatMap.canvas().localToScene(seatMap.canvas().seatCenter(seatId));
        return Math.abs(drawn.getCenterX() - seat.getX()) < 1 && Math.abs(drawn.getCenterY() - seat.getY()) < 1;
    }

    @Test
    void twoTicketsForCashTakeSixKeysAfterTheShowtimeIsChosen(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        CheckoutWindow window = seatMapOf(robot, clerk, 10);
        SeatMapView seatMap = seatMap(window);
        String ring = seatMap.cursor().focusedProperty().get();

        press(robot, KeyCode.DIGIT2); // two seats side by side from the ring
        Fx.waitUntil(() -> !robot.lookup("#seat-continue").queryAs(Button.class).isDisabled());
        assertThat(seatMap.model().mine()).hasSize(2).contains(ring);
        var held = window.sale().holdProperty().get();
        press(robot, KeyCode.ENTER); // Continue
        Fx.waitUntil(() -> window.navigator().current() == Screen.TICKETS);
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€25.00"));
        Fx.waitUntil(() -> "tickets-continue".equals(focusedId(window)));
        press(robot, KeyCode.ENTER); // two adults: Continue
        Fx.waitUntil(() -> window.navigator().current() == Screen.PAYMENT);
        Fx.waitUntil(() -> "payment-tendered".equals(focusedId(window)));
        press(robot, KeyCode.DIGIT3);
        press(robot, KeyCode.DIGIT0); // €30 handed over
        Fx.waitUntil(() -> Fx.text(robot, "#payment-change").contains("5.00"));
        press(robot, KeyCode.ENTER); // take the cash

        Fx.waitUntil(() -> window.navigator().current() == Screen.DONE);
        assertThat(keys).as("keys after the showtime is chosen").isEqualTo(6);
        assertThat(held.seatIds())
                .hasSize(2)
                .allMatch(seat -> clerk.office().status(held.showtimeId(), seat) == SeatStatus.SOLD);
    }

    @Test
    void arrowsMoveTheRingAndSpaceChoosesOrGivesBackTheSeatUnderIt(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        CheckoutWindow window = seatMapOf(robot, clerk, 11);
        SeatMapView seatMap = seatMap(window);
        String start = seatMap.cursor().focusedProperty().get();

        Fx.waitUntil(() -> ringIsOver(seatMap, start));
        press(robot, KeyCode.SPACE);
        press(robot, KeyCode.RIGHT);
        String right = seatMap.cursor().focusedProperty().get();
        Fx.waitUntil(() -> ringIsOver(seatMap, right));
        press(robot, KeyCode.SPACE);
        Fx.waitUntil(() -> seatMap.model().mine().size() == 2);
        assertThat(right).isNotEqualTo(start);
        assertThat(seatMap.model().mine()).containsExactlyInAnyOrder(start, right);

        press(robot, KeyCode.DOWN);
        assertThat(seatMap.cursor().focusedProperty().get())
                .as("a row further back")
                .isNotEqualTo(right)
                .doesNotStartWith(right.substring(0, 1));
        press(robot, KeyCode.UP);
        press(robot, KeyCode.SPACE); // gives the seat under the ring back
        Fx.waitUntil(() -> seatMap.model().mine().size() == 1);
        Fx.waitUntil(() -> !robot.lookup("#seat-continue").queryAs(Button.class).isDisabled());
        assertThat(Fx.text(robot, "#seat-continue")).isEqualTo("Continue");
        assertThat(Fx.text(robot, "#seat-continue .key-hint")).isEqualTo("Enter");

        press(robot, KeyCode.ENTER);
        Fx.waitUntil(() -> window.navigator().current() == Screen.TICKETS);
    }
}
