package org.marquee.kiosk.done;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.checkout.CheckoutWindow;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a kiosk customer sees and clicks once the sale is paid. */
@ExtendWith(ApplicationExtension.class)
class DoneViewTest {

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theBookingCodeIsBigTheTicketsAreSavedAndMailedAndANewSaleStarts(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithOrder(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 9), SeatType.PREMIUM, SeatType.STANDARD);
        OrderView order = sale.orderProperty().get();
        sale.paid(kiosk.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_visa", null)));
        CheckoutWindow[] window = new CheckoutWindow[1];
        robot.interact(() -> window[0] = new CheckoutWindow(stage, kiosk, sale, Mode.KIOSK, tickets).open(Screen.DONE));

        assertThat(Fx.text(robot, "#done-code")).isEqualTo(order.code());
        assertThat(Fx.text(robot, "#done-summary")).startsWith("2 tickets · ");
        assertThat(Fx.showing(robot, "#done-change")).isFalse();

        robot.clickOn("#done-print");
        Fx.waitUntil(() -> Fx.text(robot, "#done-print-status").startsWith("This kiosk could not print"));
        assertThat(Files.exists(tickets.resolve("marquee-" + order.code() + ".pdf")))
                .isTrue();

        robot.clickOn("#done-email").write("ana@example.com");
        // typed keys reach the field through the FX event queue: on a loaded machine the click on Send could come
        // before the last of them, while Send is still disabled for an incomplete address
        Fx.waitUntil(() ->
                robot.lookup("#done-email").queryAs(TextField.class).getText().equals("ana@example.com")
                        && !robot.lookup("#done-send").query().isDisabled());
        robot.clickOn("#done-send");
        Fx.waitUntil(
                () -> Fx.text(robot, "#done-email-status").contains("on their way"),
                () -> "the e-mail status says '" + Fx.text(robot, "#done-email-status") + "'");

        robot.clickOn("#done-new-sale");

        Fx.waitUntil(() -> Fx.showing(robot, "#screen-showtimes"));
        assertThat(sale.paymentProperty().get()).isNull();
    }
}
