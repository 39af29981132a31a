package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatType;
import org.marquee.model.TicketView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a person sees and clicks on the tickets screen, at a kiosk and at a counter. */
@ExtendWith(ApplicationExtension.class)
class TicketsViewTest {

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private CheckoutWindow open(FxRobot robot, FakeBoxOffice.Terminal client, SaleSession sale, Mode mode) {
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(() -> window[0] = new CheckoutWindow(stage, client, sale, mode, tickets).open(Screen.TICKETS));
        return window[0];
    }

    private static String seatOf(SaleSession sale, SeatType kind) {
        return sale.orderProperty().get().tickets().stream()
                .filter(ticket -> ticket.seatType() == kind)
                .map(TicketView::seatId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aKioskCustomerChoosesTicketTypesWithBigButtonsAndSeesTheServersTotal(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 7), SeatType.PREMIUM, SeatType.STANDARD);
        CheckoutWindow window = open(robot, kiosk, sale, Mode.KIOSK);

        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€28.00"));
        String standard = seatOf(sale, SeatType.STANDARD);
        String premium = seatOf(sale, SeatType.PREMIUM);
        assertThat(Fx.text(robot, "#ticket-" + premium + " .seat-badge")).isEqualTo("Premium");
        assertThat(Fx.showing(robot, "#ticket-" + standard + " .seat-badge")).isFalse();
        assertThat(robot.lookup("#type-" + standard + "-ADULT")
                        .queryAs(ToggleButton.class)
                        .isSelected())
                .isTrue();
        assertThat(robot.lookup("#type-" + standard + "-CHILD")
                        .queryAs(ToggleButton.class)
                        .getHeight())
                .as("touch-sized")
                .isGreaterThanOrEqualTo(64);
        assertThat(Fx.text(robot, "#hold-countdown")).startsWith("Seats held for ");

        robot.clickOn("#type-" + standard + "-CHILD");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€25.00"));
        assertThat(Fx.text(robot, "#price-" + standard)).isEqualTo("€9.50");
        robot.clickOn("#tickets-email").write("ana@example.com");
        Fx.waitUntil(
                () -> !robot.lookup("#tickets-continue").queryAs(Button.class).isDisabled());

        robot.clickOn("#tickets-continue");

        Fx.waitUntil(() -> window.navigator().current() == Screen.PAYMENT);
        assertThat(sale.orderProperty().get().email()).isEqualTo("ana@example.com");
        assertThat(sale.orderProperty().get().totalMinor()).isEqualTo(2500);
    }

    @Test
    void aClerkSetsTypesAndGoesBackToTheSeatMapKeepingTheHold(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                clerk,
                CheckoutFixture.imaxShowtime(clerk, 7),
                SeatType.STANDARD,
                SeatType.STANDARD,
                SeatType.STANDARD,
                SeatType.PREMIUM);
        CheckoutWindow window = open(robot, clerk, sale, Mode.COUNTER);
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€53.00"));
        var seats = sale.orderProperty().get().tickets().stream()
                .map(TicketView::seatId)
                .toList();

        robot.clickOn("#type-" + seats.get(0) + "-CHILD");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€50.00"));
        robot.clickOn("#type-" + seats.get(1) + "-SENIOR");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€47.50"));

        robot.clickOn("#tickets-back");

        Fx.waitUntil(() -> Fx.showing(robot, "#screen-seat-map"));
        assertThat(sale.holdProperty().get()).isNotNull();
        assertThat(sale.orderProperty().get().totalMinor()).isEqualTo(4750);
    }
}
