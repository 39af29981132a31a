package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a clerk and a kiosk customer see and click on the payment screen, up to the done screen. */
@ExtendWith(ApplicationExtension.class)
class PaymentViewTest {

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private CheckoutWindow open(FxRobot robot, FakeBoxOffice.Terminal client, SaleSession sale, Mode mode) {
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(() -> window[0] = new CheckoutWindow(stage, client, sale, mode, tickets).open(Screen.PAYMENT));
        return window[0];
    }

    @Test
    void aClerkTakesCashAndTheChangeShowsAsTyped(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithOrder(
                clerk, CheckoutFixture.imaxShowtime(clerk, 8), SeatType.STANDARD, SeatType.PREMIUM);
        CheckoutWindow window = open(robot, clerk, sale, Mode.COUNTER);

        assertThat(Fx.text(robot, "#payment-total")).isEqualTo("€28.00");
        assertThat(Fx.showing(robot, "#method-cash")).isTrue();
        assertThat(Fx.showing(robot, "#payment-tendered")).isTrue();
        assertThat(Fx.text(robot, "#quick-0")).isEqualTo("Exact");

        robot.clickOn("#payment-tendered").write("20");
        assertThat(Fx.text(robot, "#payment-change")).isEqualTo("€8.00 still missing");
        assertThat(robot.lookup("#payment-pay-cash").queryAs(Button.class).isDisabled())
                .isTrue();
        robot.clickOn("#quick-3");
        assertThat(Fx.text(robot, "#payment-change")).isEqualTo("Change: €72.00");
        robot.clickOn("#quick-2");
        assertThat(Fx.text(robot, "#payment-change")).isEqualTo("Change: €22.00");

        robot.clickOn("#payment-pay-cash");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.text(robot, "#done-change")).isEqualTo("Change: €22.00");
        assertThat(Fx.text(robot, "#done-code"))
                .isEqualTo(sale.orderProperty().get().code());
    }

    @Test
    void aKioskOfAServerWithoutACardTerminalSaysSoAndOffersNoCard(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 8), SeatType.STANDARD);
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(() -> window[0] = new CheckoutWindow(stage, kiosk, sale, Mode.KIOSK, tickets)
                .cards(CardReader.NONE)
                .open(Screen.PAYMENT));

        assertThat(Fx.text(robot, "#payment-error")).startsWith("This server has no card terminal");
        for (javafx.scene.Node button : robot.lookup("#payment-pay-card").queryAll()) {
            assertThat(button.isDisabled() || !button.isVisible())
                    .as("no card button to press")
                    .isTrue();
        }
        Snapshots.save(window[0].scene(), "payment-kiosk-no-card-terminal");
    }

    @Test
    void aClerkMayTakeACardToo(FxRobot robot) {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(clerk, CheckoutFixture.imaxShowtime(clerk, 8), SeatType.STANDARD);
        open(robot, clerk, sale, Mode.COUNTER);

        robot.clickOn("#method-card");
        assertThat(Fx.showing(robot, "#payment-tendered")).isFalse();
        assertThat(Fx.text(robot, "#payment-card-prompt")).isEqualTo("Insert or tap your card");
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.showing(robot, "#done-change")).isFalse();
    }

    @Test
    void aKioskTakesCardsOnlyThroughTheSimulatedTerminal(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithOrder(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 8), SeatType.STANDARD, SeatType.STANDARD);
        CheckoutWindow window = open(robot, kiosk, sale, Mode.KIOSK);

        assertThat(robot.lookup("#method-cash").tryQuery()).isEmpty();
        assertThat(Fx.showing(robot, "#payment-tendered")).isFalse();
        assertThat(Fx.text(robot, "#payment-total")).isEqualTo("€25.00");
        assertThat(Fx.text(robot, ".card-terminal .terminal-name")).isEqualTo("Simulated card terminal");
        assertThat(Fx.showing(robot, "#payment-card-token")).isTrue();
        assertThat(robot.lookup("#payment-pay-card").queryAs(Button.class).getHeight())
                .isGreaterThanOrEqualTo(96);

        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> window.navigator().current() == Screen.DONE);
        assertThat(sale.paymentProperty().get().status()).isEqualTo("PAID");
    }
}
