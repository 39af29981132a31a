package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.Payments;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.TerminalIdentity;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatType;

/**
 * No fake approvals (issue 9): a terminal sends a card token only to a server that says it has the simulated card
 * terminal; against a server without one (production's default) it offers no card payment and sends nothing.
 */
class CardReaderTest {

    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private final List<PaymentRequest> sent = new ArrayList<>();

    @Test
    void onlyAServerWithTheSimulatedTerminalGetsTestTokens() {
        assertThat(CardReader.of(null, "demo-kiosk-1")).as("not known yet").isEqualTo(CardReader.NONE);
        assertThat(CardReader.of(new TerminalIdentity("Kiosk 1", 1), "demo-kiosk-1"))
                .as("an older server that does not say")
                .isEqualTo(CardReader.NONE);
        assertThat(CardReader.of(new TerminalIdentity("Kiosk 1", 1, "NONE"), "demo-kiosk-1"))
                .isEqualTo(CardReader.NONE);
        assertThat(CardReader.of(new TerminalIdentity("Kiosk 1", 1, "SIMULATED"), "demo-kiosk-1"))
                .isEqualTo(CardReader.SIMULATED_WITH_CHOICE);
        assertThat(CardReader.of(new TerminalIdentity("Lobby", 1, "SIMULATED"), "k-7f3a9"))
                .isEqualTo(CardReader.SIMULATED);
    }

    @Test
    void aKioskOfAServerWithoutACardTerminalOffersNoCardAndSendsNothing() {
        PaymentViewModel model = screen(Mode.KIOSK, CardReader.NONE);

        assertThat(model.methods()).isEmpty();
        assertThat(model.canPayCardProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("no card terminal");
        model.selectMethod(PaymentMethod.CARD);
        model.payByCard();

        assertThat(sent).as("no card token invented").isEmpty();
        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);
    }

    @Test
    void aCounterOfAServerWithoutACardTerminalTakesCashOnly() {
        PaymentViewModel model = screen(Mode.COUNTER, CardReader.NONE);

        assertThat(model.methods()).containsExactly(PaymentMethod.CASH);
        assertThat(model.methodProperty().get()).isEqualTo(PaymentMethod.CASH);
        model.selectMethod(PaymentMethod.CARD);
        assertThat(model.methodProperty().get()).isEqualTo(PaymentMethod.CASH);
        model.payByCard();
        assertThat(sent).isEmpty();
    }

    private PaymentViewModel screen(Mode mode, CardReader cards) {
        FakeBoxOffice.Terminal terminal = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(terminal, CheckoutFixture.imaxShowtime(terminal, 4), SeatType.STANDARD);
        Payments recording = (orderId, payment) -> {
            sent.add(payment);
            return terminal.pay(orderId, payment);
        };
        navigator.go(Screen.PAYMENT);
        PaymentViewModel model = new PaymentViewModel(
                recording,
                terminal,
                new CheckoutFrame(
                        tasks,
                        CheckoutFixture.connectivity(terminal),
                        navigator,
                        sale,
                        CheckoutFixture.english(),
                        mode,
                        Clock.systemUTC()),
                cards);
        model.start();
        return model;
    }
}
