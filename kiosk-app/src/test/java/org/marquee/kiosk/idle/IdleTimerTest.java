package org.marquee.kiosk.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;

/** A kiosk left alone for a minute releases its hold and goes back to the showtimes. No FX toolkit. */
class IdleTimerTest {

    private final FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"), CheckoutFixture.MADRID);
    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);

    private IdleTimer timer(SaleSession sale) {
        return new IdleTimer(tasks, sale, navigator, clock, IdleTimer.LIMIT);
    }

    @Test
    void aMinuteWithoutATouchReleasesTheHoldAndGoesBackToTheStart() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 6), SeatType.STANDARD);
        String seat = sale.holdProperty().get().seatIds().getFirst();
        long showtime = sale.showtimeProperty().get().id();
        navigator.go(Screen.TICKETS);
        IdleTimer timer = timer(sale);

        clock.advance(Duration.ofSeconds(45));
        timer.check();
        assertThat(timer.warningProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(10));
        timer.check();
        assertThat(timer.warningProperty().get()).isTrue();
        assertThat(timer.secondsLeftProperty().get()).isEqualTo(5);
        assertThat(navigator.current()).isEqualTo(Screen.TICKETS);
        assertThat(CheckoutFixture.status(kiosk, showtime, seat)).isEqualTo(SeatStatus.HELD);

        clock.advance(Duration.ofSeconds(5));
        timer.check();

        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.showtimeProperty().get()).isNull();
        assertThat(timer.warningProperty().get()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CheckoutFixture.status(kiosk, showtime, seat) == SeatStatus.AVAILABLE);
    }

    @Test
    void accessibleModeIsTurnedOffForTheNextPersonEvenOnTheShowtimes() {
        SaleSession sale = new SaleSession(kiosk, tasks);
        sale.setAccessible(true);
        navigator.go(Screen.SHOWTIMES);
        IdleTimer timer = timer(sale);

        clock.advance(Duration.ofSeconds(55));
        timer.check();
        assertThat(timer.warningProperty().get()).as("\"Still there?\" first").isTrue();
        clock.advance(Duration.ofSeconds(5));
        timer.check();

        assertThat(sale.accessibleProperty().get()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        clock.advance(Duration.ofSeconds(61));
        timer.check();
        assertThat(timer.warningProperty().get())
                .as("a resting kiosk without the mode is left alone")
                .isFalse();
    }

    @Test
    void aTouchStartsTheMinuteAgain() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 6), SeatType.STANDARD);
        navigator.go(Screen.PAYMENT);
        IdleTimer timer = timer(sale);

        clock.advance(Duration.ofSeconds(55));
        timer.check();
        assertThat(timer.warningProperty().get()).isTrue();
        timer.touched();
        assertThat(timer.warningProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(55));
        timer.check();

        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);
        assertThat(sale.holdProperty().get()).isNotNull();
        kiosk.release(sale.holdProperty().get().holdId());
    }

    @Test
    void aKioskWaitingForTheServerIsNotIdle() throws InterruptedException {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 6), SeatType.STANDARD);
        navigator.go(Screen.PAYMENT);
        IdleTimer timer = timer(sale);
        CountDownLatch answer = new CountDownLatch(1);
        tasks.run(
                () -> {
                    answer.await();
                    return "paid";
                },
                done -> {},
                problem -> {});

        clock.advance(Duration.ofSeconds(90));
        timer.check();
        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);

        answer.countDown();
        await().until(() -> !tasks.busyProperty().get());
        clock.advance(Duration.ofSeconds(61));
        timer.check();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    @Test
    void aCounterIsNeverReset() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 6), SeatType.STANDARD);
        navigator.go(Screen.PAYMENT);
        IdleTimer timer = timer(sale);
        timer.activeWhile(() -> false);

        clock.advance(Duration.ofMinutes(5));
        timer.check();

        assertThat(navigator.current()).isEqualTo(Screen.PAYMENT);
        assertThat(sale.holdProperty().get()).isNotNull();
        kiosk.release(sale.holdProperty().get().holdId());
    }

    @Test
    void aKioskAtRestOnTheShowtimesStaysThere() {
        navigator.go(Screen.SHOWTIMES);
        IdleTimer timer = timer(new SaleSession(kiosk, tasks));

        clock.advance(Duration.ofMinutes(10));
        timer.check();

        assertThat(timer.warningProperty().get()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    @Test
    void aCustomerWhoWalksAwayFromThePickUpIsSentBackToTheStart() {
        navigator.go(Screen.PICKUP); // a booking code and e-mail typed and left on the screen
        IdleTimer timer = timer(new SaleSession(kiosk, tasks));

        clock.advance(Duration.ofSeconds(55));
        timer.check();
        assertThat(timer.warningProperty().get()).isTrue();
        assertThat(navigator.current()).isEqualTo(Screen.PICKUP);

        clock.advance(Duration.ofSeconds(5));
        timer.check();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    @Test
    void aPaidSaleLeftOnTheDoneScreenIsForgottenWithoutReleasingAnything() {
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 6), SeatType.STANDARD);
        var order = sale.orderProperty().get();
        sale.paid(kiosk.pay(
                order.orderId(),
                new org.marquee.model.PaymentRequest(
                        org.marquee.model.PaymentMethod.CARD, order.totalMinor(), "tok_visa", null)));
        navigator.go(Screen.DONE);
        IdleTimer timer = timer(sale);

        clock.advance(Duration.ofSeconds(61));
        timer.check();

        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(sale.paymentProperty().get()).isNull();
        String seat = order.tickets().getFirst().seatId();
        assertThat(CheckoutFixture.status(kiosk, order.showtimeId(), seat)).isEqualTo(SeatStatus.SOLD);
    }
}
