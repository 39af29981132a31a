package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;

/** The payment screen's logic against the in-memory box office (the server's API contract): cash, cards that approve, decline or time out, and lost holds. */
class PaymentViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Holds of 3 s, as on a server started with {@code --hold-ttl 3s}. */
    private static final FakeBoxOffice shortHolds = new FakeBoxOffice(Clock.systemUTC(), Duration.ofSeconds(3));

    static {
        for (int i = 0; i < 2; i++) {
            shortHolds.showtime();
        }
    }

    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);

    private PaymentViewModel screen(FakeBoxOffice.Terminal client, SaleSession sale, Mode mode) {
        navigator.go(Screen.PAYMENT);
        PaymentViewModel model = new PaymentViewModel(
                client,
                client,
                new CheckoutFrame(
                        tasks,
                        CheckoutFixture.connectivity(client),
                        navigator,
                        sale,
                        CheckoutFixture.english(),
                        mode,
                        Clock.systemUTC()),
                CardReader.SIMULATED_WITH_CHOICE);
        model.start();
        return model;
    }

    private void awaitSettled(PaymentViewModel model) {
        await().atMost(WAIT).until(() -> !model.payingProperty().get());
    }

    @Test
    void cashAtTheCounterShowsTheChangeAsTypedAndTheServerConfirmsIt() {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithOrder(
                clerk, CheckoutFixture.imaxShowtime(clerk, 3), SeatType.STANDARD, SeatType.STANDARD);
        PaymentViewModel model = screen(clerk, sale, Mode.COUNTER);

        assertThat(model.methods()).containsExactly(PaymentMethod.CASH, PaymentMethod.CARD);
        assertThat(model.methodProperty().get()).isEqualTo(PaymentMethod.CASH);
        assertThat(model.totalProperty().get()).isEqualTo("€25.00");
        assertThat(model.quickAmountsProperty().get())
                .extracting(PaymentViewModel.QuickAmount::label)
                .containsExactly("Exact", "€30.00", "€50.00", "€100.00");

        model.tenderedProperty().set("20");
        assertThat(model.changeProperty().get()).isEqualTo("€5.00 still missing");
        assertThat(model.canPayCashProperty().get()).isFalse();

        model.tenderedProperty().set("30,5");
        assertThat(model.changeProperty().get()).isEqualTo("Change: €5.50");

        model.tender(5000);
        assertThat(model.tenderedProperty().get()).isEqualTo("50.00");
        assertThat(model.changeProperty().get()).isEqualTo("Change: €25.00");
        model.payCash();

        await().atMost(WAIT).until(() -> navigator.current() == Screen.DONE);
        assertThat(sale.paymentProperty().get().status()).isEqualTo("PAID");
        assertThat(sale.paymentProperty().get().changeMinor()).isEqualTo(2500L);
    }

    @Test
    void aKioskTakesNoCash() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 3), SeatType.STANDARD);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);

        assertThat(model.methods()).containsExactly(PaymentMethod.CARD);
        assertThat(model.cashAccepted()).isFalse();
        model.selectMethod(PaymentMethod.CASH);
        assertThat(model.methodProperty().get()).isEqualTo(PaymentMethod.CARD);

        model.tenderedProperty().set("50");
        model.payCash();
        assertThat(model.payingProperty().get()).isFalse();
        assertThat(model.canPayCashProperty().get()).isFalse();
        assertThat(sale.paymentProperty().get()).isNull();
    }

    @Test
    void aDeclinedCardKeepsTheHoldAndMayBeTriedAgain() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 3), SeatType.PREMIUM);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);
        String seat = sale.holdProperty().get().seatIds().getFirst();
        long showtime = sale.showtimeProperty().get().id();

        model.cardTokenProperty().set("tok_declined");
        model.payByCard();
        awaitSettled(model);

        assertThat(model.errorProperty().get()).contains("declined").contains("still held");
        assertThat(model.lostProperty().get()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);
        assertThat(sale.holdProperty().get()).isNotNull();
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.HELD);
        assertThat(model.canPayCardProperty().get()).isTrue();

        model.cardTokenProperty().set("tok_visa");
        model.payByCard();

        await().atMost(WAIT).until(() -> navigator.current() == Screen.DONE);
        assertThat(sale.paymentProperty().get().code())
                .isEqualTo(sale.orderProperty().get().code());
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void aCardTerminalThatDoesNotAnswerLeavesTheSeatsHeld() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 0), SeatType.STANDARD);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);

        model.cardTokenProperty().set("tok_timeout");
        model.payByCard();
        assertThat(model.statusProperty().get()).isEqualTo("Waiting for the card terminal…");
        awaitSettled(model);

        assertThat(model.errorProperty().get())
                .contains("did not answer in time")
                .contains("try again");
        assertThat(model.lostProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.canPayCardProperty().get()).isTrue();
        assertThat(sale.holdProperty().get()).isNotNull();
        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);
    }

    @Test
    void aHoldThatExpiredBeforePayingEndsTheSale() throws InterruptedException {
        FakeBoxOffice.Terminal kiosk = shortHolds.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 0), SeatType.STANDARD);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);

        Thread.sleep(3_500);
        model.payByCard();
        awaitSettled(model);

        assertThat(model.errorProperty().get()).contains("expired").contains("nothing was charged");
        assertThat(model.lostProperty().get()).isTrue();
        assertThat(model.canPayCardProperty().get()).isFalse();
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.orderProperty().get()).isNull();

        model.startOver();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    @Test
    void aHoldThatExpiredWhileTheCardWasChargedIsRefunded() {
        FakeBoxOffice.Terminal kiosk = shortHolds.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 1), SeatType.STANDARD);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);

        // the terminal approves after 4 s, when the 3-second hold is over
        model.cardTokenProperty().set("tok_slow_4000");
        model.payByCard();
        awaitSettled(model);

        assertThat(model.errorProperty().get()).contains("refunded");
        assertThat(model.lostProperty().get()).isTrue();
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.paymentProperty().get()).isNull();
    }

    @Test
    void anAnswerLostOnTheWayBackIsFoundPaidOnTheServer() {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(clerk, CheckoutFixture.imaxShowtime(clerk, 4), SeatType.STANDARD);
        PaymentViewModel model = screen(clerk, sale, Mode.COUNTER);
        var order = sale.orderProperty().get();
        // the first try reached the server and was paid, but its answer never came back
        clerk.pay(order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, 2000L));

        model.tenderedProperty().set("20");
        model.payCash();

        await().atMost(WAIT).until(() -> navigator.current() == Screen.DONE);
        assertThat(sale.paymentProperty().get().code()).isEqualTo(order.code());
        assertThat(sale.paymentProperty().get().changeMinor()).isEqualTo(750L);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void anOrderCancelledMeanwhileEndsTheSale() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 4), SeatType.STANDARD);
        PaymentViewModel model = screen(kiosk, sale, Mode.KIOSK);
        kiosk.cancel(sale.orderProperty().get().orderId());

        model.payByCard();
        awaitSettled(model);

        assertThat(model.errorProperty().get()).contains("cancelled");
        assertThat(model.lostProperty().get()).isTrue();
        assertThat(sale.holdProperty().get()).isNull();
    }

    @Test
    void withoutTheDemoChoiceTheTerminalApproves() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 4), SeatType.STANDARD);
        navigator.go(Screen.PAYMENT);
        PaymentViewModel model = new PaymentViewModel(
                kiosk,
                kiosk,
                new CheckoutFrame(
                        tasks,
                        CheckoutFixture.connectivity(kiosk),
                        navigator,
                        sale,
                        CheckoutFixture.english(),
                        Mode.KIOSK,
                        Clock.systemUTC()),
                CardReader.SIMULATED);
        model.start();
        model.cardTokenProperty().set("tok_declined");

        model.payByCard();

        await().atMost(WAIT).until(() -> navigator.current() == Screen.DONE);
        assertThat(SimulatedCardTerminal.choiceOffered("demo-kiosk-1")).isTrue();
        assertThat(SimulatedCardTerminal.choiceOffered("k-7f3a9")).isFalse();
        assertThat(model.cardChoiceOffered()).isFalse();
    }
}
