package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.OrderView;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** The tickets screen's logic against the in-memory box office (the server's API contract): the server prices, the screen shows it. */
class TicketsViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();

    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);

    private TicketsViewModel screen(SaleSession sale, Connectivity connectivity, Clock clock) {
        navigator.go(Screen.TICKETS);
        return new TicketsViewModel(
                kiosk,
                new CheckoutFrame(tasks, connectivity, navigator, sale, CheckoutFixture.english(), Mode.KIOSK, clock));
    }

    private TicketsViewModel started(SaleSession sale) {
        TicketsViewModel model = screen(sale, CheckoutFixture.connectivity(kiosk), Clock.systemUTC());
        model.start();
        return model;
    }

    private static TicketLine line(TicketsViewModel model, SeatType kind) {
        await().atMost(WAIT)
                .until(() -> model.lines().stream()
                        .anyMatch(line -> line.seatTypeProperty().get() == kind));
        return model.lines().stream()
                .filter(line -> line.seatTypeProperty().get() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static void awaitTotal(TicketsViewModel model, String total) {
        await().atMost(WAIT)
                .until(() -> model.totalProperty().get().equals(total)
                        && model.canContinueProperty().get());
    }

    @Test
    void seatsAreListedByRowThenNumber() {
        // the order of every screen (SeatIds.READING_ORDER): rows past Z (AA, AB…) come after Z
        assertThat(java.util.stream.Stream.of("B1", "A10", "A5", "AA2", "A9", "Z3")
                        .sorted(org.marquee.model.SeatIds.READING_ORDER)
                        .toList())
                .containsExactly("A5", "A9", "A10", "B1", "Z3", "AA2");
    }

    @Test
    void theServerPricesEachTicketTypeAndThePremiumSurcharge() {
        SaleSession sale = CheckoutFixture.saleWithHold(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 0), SeatType.PREMIUM, SeatType.STANDARD);
        TicketsViewModel model = started(sale);

        // every ticket starts as ADULT: 1250 + 300 premium, and 1250
        awaitTotal(model, "€28.00");
        TicketLine premium = line(model, SeatType.PREMIUM);
        TicketLine standard = line(model, SeatType.STANDARD);
        assertThat(premium.priceProperty().get()).isEqualTo("€15.50");
        assertThat(standard.priceProperty().get()).isEqualTo("€12.50");
        assertThat(premium.rowProperty().get()).isEqualTo("J");
        String code = model.orderCode();

        model.choose(standard, TicketType.CHILD);
        awaitTotal(model, "€25.00");
        assertThat(standard.priceMinorProperty().get()).isEqualTo(950);

        model.choose(premium, TicketType.SENIOR);
        awaitTotal(model, "€22.50");
        assertThat(premium.priceMinorProperty().get()).isEqualTo(1300);

        model.choose(standard, TicketType.SENIOR);
        awaitTotal(model, "€23.00");
        assertThat(model.orderCode()).as("the order keeps its code").isEqualTo(code);
        assertThat(sale.orderProperty().get().totalMinor()).isEqualTo(2300);
    }

    @Test
    void quickChangesEndOnTheServersTotalForTheLastChoice() {
        SaleSession sale = CheckoutFixture.saleWithHold(
                kiosk, CheckoutFixture.imaxShowtime(kiosk, 0), SeatType.STANDARD, SeatType.STANDARD);
        TicketsViewModel model = started(sale);
        awaitTotal(model, "€25.00");
        TicketLine first = model.lines().get(0);
        TicketLine second = model.lines().get(1);

        model.choose(first, TicketType.CHILD);
        model.choose(second, TicketType.CHILD);
        model.choose(first, TicketType.SENIOR);

        awaitTotal(model, "€19.50");
        assertThat(sale.orderProperty().get().totalMinor()).isEqualTo(1000 + 950);
    }

    @Test
    void continueSendsTheEmailAndGoesToPayment() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 1), SeatType.STANDARD);
        TicketsViewModel model = started(sale);
        awaitTotal(model, "€12.50");

        model.emailProperty().set("ana@example");
        assertThat(model.emailInvalidProperty().get()).isTrue();
        assertThat(model.canContinueProperty().get()).isFalse();

        model.emailProperty().set("ana@example.com");
        assertThat(model.canContinueProperty().get()).isTrue();
        model.continueToPayment();

        await().atMost(WAIT).until(() -> navigator.current() == Screen.PAYMENT);
        OrderView order = sale.orderProperty().get();
        assertThat(order.email()).isEqualTo("ana@example.com");
        assertThat(order.totalMinor()).isEqualTo(1250);
    }

    @Test
    void backKeepsTheHoldAndComingBackKeepsTheChosenTypes() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 1), SeatType.STANDARD);
        TicketsViewModel model = started(sale);
        awaitTotal(model, "€12.50");
        model.choose(model.lines().getFirst(), TicketType.CHILD);
        awaitTotal(model, "€9.50");

        model.back();

        assertThat(navigator.current()).isEqualTo(Screen.SEAT_MAP);
        String seat = sale.holdProperty().get().seatIds().getFirst();
        assertThat(CheckoutFixture.status(kiosk, sale.showtimeProperty().get().id(), seat))
                .isEqualTo(SeatStatus.HELD);

        TicketsViewModel again = started(sale);
        assertThat(again.lines().getFirst().type()).isEqualTo(TicketType.CHILD);
        awaitTotal(again, "€9.50");
    }

    @Test
    void aSaleIsRefusedWhileOffline() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 2), SeatType.STANDARD);
        Connectivity connectivity =
                new Connectivity(UiThread.DIRECT, Executors.newSingleThreadScheduledExecutor(), () -> {
                    throw new IllegalStateException("the network is down");
                });
        TicketsViewModel model = screen(sale, connectivity, Clock.systemUTC());
        model.start();
        awaitTotal(model, "€12.50");

        connectivity.reportFailure(ApiProblem.unreachable("gone"));
        model.continueToPayment();

        await().atMost(WAIT).until(() -> !model.messageProperty().get().isEmpty());
        assertThat(model.messageProperty().get()).contains("offline");
        assertThat(navigator.current()).isEqualTo(Screen.TICKETS);
        assertThat(model.lostProperty().get()).isFalse();
        connectivity.close();
    }

    @Test
    void theCountdownRunsOnTheServersClockAndTheSeatsAreLostAtTheEnd() {
        SaleSession sale =
                CheckoutFixture.saleWithHold(kiosk, CheckoutFixture.imaxShowtime(kiosk, 2), SeatType.STANDARD);
        var hold = sale.holdProperty().get();
        ManualClock clock = new ManualClock(java.time.Instant.parse("2020-01-01T00:00:00Z"), CheckoutFixture.MADRID);
        TicketsViewModel model = screen(sale, CheckoutFixture.connectivity(kiosk), clock);
        model.start();
        Duration ttl = Duration.between(hold.serverTime(), hold.expiresAt());
        assertThat(model.timer().textProperty().get()).isEqualTo(org.marquee.kiosk.core.HoldCountdown.format(ttl));

        clock.advance(ttl.minusSeconds(30));
        model.tick();
        assertThat(model.timer().textProperty().get()).isEqualTo("00:30");
        assertThat(model.timer().urgentProperty().get()).isTrue();
        assertThat(model.lostProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        model.tick();
        assertThat(model.lostProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("start over");
        assertThat(model.canContinueProperty().get()).isFalse();

        model.startOver();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(sale.holdProperty().get()).isNull();
    }
}
