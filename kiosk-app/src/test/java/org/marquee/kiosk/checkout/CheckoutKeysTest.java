package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A clerk at the tickets and payment screens with the keyboard only (issue 14, item 3). */
@ExtendWith(ApplicationExtension.class)
class CheckoutKeysTest {

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private CheckoutWindow open(FxRobot robot, FakeBoxOffice.Terminal client, SaleSession sale) {
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(
                () -> window[0] = new CheckoutWindow(stage, client, sale, Mode.COUNTER, tickets).open(Screen.TICKETS));
        return window[0];
    }

    private static String focusedId(CheckoutWindow window) {
        Node owner = window.scene().getFocusOwner();
        return owner == null ? "" : String.valueOf(owner.getId());
    }

    @Test
    void enterContinuesEvenWhenATicketTypeToggleHasTheFocus(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                clerk, CheckoutFixture.imaxShowtime(clerk, 8), SeatType.STANDARD, SeatType.STANDARD);
        CheckoutWindow window = open(robot, clerk, sale);
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€25.00"));
        String seat = sale.holdProperty().get().seatIds().getFirst();

        robot.clickOn("#type-" + seat + "-CHILD");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€22.00"));
        assertThat(focusedId(window)).isEqualTo("type-" + seat + "-CHILD");
        robot.type(KeyCode.ENTER);

        Fx.waitUntil(() -> window.navigator().current() == Screen.PAYMENT);
        assertThat(sale.orderProperty().get().totalMinor()).isEqualTo(2200);
    }

    @Test
    void aClerkSellsForCashWithEnterTheAmountAndEnter(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                clerk, CheckoutFixture.imaxShowtime(clerk, 9), SeatType.STANDARD, SeatType.STANDARD);
        var held = sale.holdProperty().get();
        CheckoutWindow window = open(robot, clerk, sale);
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€25.00"));
        Fx.waitUntil(() -> focusedId(window).equals("tickets-continue"));

        robot.type(KeyCode.ENTER);
        Fx.waitUntil(() -> window.navigator().current() == Screen.PAYMENT);
        Fx.waitUntil(() -> focusedId(window).equals("payment-tendered"));
        robot.write("30");
        Fx.waitUntil(() -> Fx.text(robot, "#payment-change").contains("5.00"));
        robot.type(KeyCode.ENTER);

        Fx.waitUntil(() -> window.navigator().current() == Screen.DONE);
        assertThat(held.seatIds()).allMatch(seat -> clerk.office().status(held.showtimeId(), seat) == SeatStatus.SOLD);
    }
}
