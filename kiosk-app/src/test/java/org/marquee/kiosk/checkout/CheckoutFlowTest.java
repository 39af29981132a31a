package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

/**
 * The end of a kiosk sale, clicked through from the tickets screen as a customer would, on seats really held on a
 * in-memory box office (the server's API contract): paid by card, a declined card tried again, and a hold that runs out during the checkout.
 */
@ExtendWith(ApplicationExtension.class)
class CheckoutFlowTest {

    private static final String BOOKING_CODE = "[ACDEFGHJKMNPQRTUVWXY3479]{6}";

    /** Holds of 3 s, as on a server started with {@code --hold-ttl 3s}. */
    private static final FakeBoxOffice shortHolds = new FakeBoxOffice(Clock.systemUTC(), Duration.ofSeconds(3));

    static {
        shortHolds.showtime();
    }

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private CheckoutWindow openTickets(FxRobot robot, FakeBoxOffice.Terminal kiosk, SaleSession sale) {
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(
                () -> window[0] = new CheckoutWindow(stage, kiosk, sale, Mode.KIOSK, tickets).open(Screen.TICKETS));
        Fx.waitUntil(() -> !Fx.text(robot, "#tickets-total").equals("…")
                && !robot.lookup("#tickets-continue").queryButton().isDisabled());
        return window[0];
    }

    @Test
    void aKioskSalePaidByCard(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 10), SeatType.STANDARD, SeatType.STANDARD);
        long showtime = sale.showtimeProperty().get().id();
        String seat = sale.holdProperty().get().seatIds().getFirst();
        CheckoutWindow window = openTickets(robot, kiosk, sale);
        assertThat(Fx.text(robot, "#tickets-total")).isEqualTo("€25.00");

        robot.clickOn("#type-" + seat + "-CHILD");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€22.00"));
        robot.clickOn("#tickets-continue");
        Fx.waitUntil(() -> Fx.showing(robot, "#payment-screen"));
        assertThat(Fx.text(robot, "#payment-total")).isEqualTo("€22.00");
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        String code = Fx.text(robot, "#done-code");
        assertThat(code)
                .matches(BOOKING_CODE)
                .isEqualTo(sale.paymentProperty().get().code());
        assertThat(kiosk.findOrder(sale.paymentProperty().get().orderId().toString(), null)
                        .totalMinor())
                .isEqualTo(2200);
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.SOLD);
        assertThat(window.navigator().current()).isEqualTo(Screen.DONE);
    }

    @Test
    void aDeclinedCard(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 10), SeatType.PREMIUM);
        long showtime = sale.showtimeProperty().get().id();
        String seat = sale.holdProperty().get().seatIds().getFirst();
        openTickets(robot, kiosk, sale);
        robot.clickOn("#tickets-continue");
        Fx.waitUntil(() -> Fx.showing(robot, "#payment-screen"));

        robot.clickOn("#payment-card-token");
        robot.clickOn("Declined (tok_declined)");
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#payment-error"));
        assertThat(Fx.text(robot, "#payment-error")).contains("declined").contains("still held");
        assertThat(Fx.showing(robot, "#payment-start-over")).isFalse();
        assertThat(Fx.showing(robot, "#payment-screen")).isTrue();
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.HELD);

        robot.clickOn("#payment-card-token");
        robot.clickOn("Approves (tok_visa)");
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.text(robot, "#done-code")).matches(BOOKING_CODE);
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void theHoldExpiringDuringCheckout(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = shortHolds.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 0), SeatType.STANDARD);
        CheckoutWindow window = openTickets(robot, kiosk, sale);
        robot.clickOn("#tickets-continue");
        Fx.waitUntil(() -> Fx.showing(robot, "#payment-screen"));

        // the customer hesitates until the three seconds are over
        Fx.waitUntil(() -> Fx.text(robot, "#hold-countdown").endsWith("00:00"));
        robot.sleep(500);
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#payment-start-over"));
        assertThat(Fx.text(robot, "#payment-error")).contains("expired");
        assertThat(Fx.showing(robot, "#payment-pay-card")).isFalse();
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.orderProperty().get()).isNull();

        robot.clickOn("#payment-start-over");

        Fx.waitUntil(() -> Fx.showing(robot, "#screen-showtimes"));
        assertThat(window.navigator().current()).isEqualTo(Screen.SHOWTIMES);
    }
}
