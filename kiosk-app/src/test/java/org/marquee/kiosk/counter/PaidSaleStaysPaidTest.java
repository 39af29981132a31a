package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.checkout.CardReader;
import org.marquee.kiosk.checkout.CheckoutFrame;
import org.marquee.kiosk.checkout.PaymentViewModel;
import org.marquee.kiosk.checkout.TicketsViewModel;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.done.DoneViewModel;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.idle.IdleTimer;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.seatmap.SeatMapViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.Role;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.model.SessionView;
import org.marquee.model.ShowtimeListing;

/**
 * A paid sale cannot be resumed, whatever way the clerk leaves the booking-code screen: F2 (new sale), F3 (find an
 * order) then "New sale", the screen's own "New sale", or the idle reset (issue 14, item 1). Before the sale session, F2 left the paid hold in the sale
 * and the next sale of the same showtime showed the sold seats as "Your seats" with the countdown running. Against
 * the in-memory box office: no server.
 */
class PaidSaleStaysPaidTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SeatEvents NO_LIVE = (showtimeId, listener) -> () -> {};

    private final FakeBoxOffice office = new FakeBoxOffice();
    private final FakeBoxOffice.Terminal counter = office.terminal();
    private final ShowtimeListing showtime = office.showtime();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private final Navigator navigator = new Navigator();
    private final SaleSession sale = new SaleSession(counter, tasks);
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Connectivity connectivity = new Connectivity(UiThread.DIRECT, scheduler, () -> true);
    private final CounterSession clerk =
            new CounterSession(new MarqueeClient("http://127.0.0.1:9", "demo-counter-1"), tasks, navigator, sale);

    @AfterEach
    void stop() {
        connectivity.close();
        scheduler.shutdownNow();
        tasks.close();
    }

    @Test
    void f2FromTheBookingCodeStartsANewSale() {
        sellOnTheCounter("C4", "C5");

        CounterShortcuts.map(navigator, clerk).get(CounterShortcuts.NEW_SALE).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);

        assertTheNextSaleStartsAfresh("C4", "C5");
    }

    @Test
    void f3AndANewSaleFromTheLookupStartANewSale() {
        sellOnTheCounter("D1");

        CounterShortcuts.map(navigator, clerk).get(CounterShortcuts.FIND_ORDER).run();
        assertThat(navigator.current()).isEqualTo(Screen.LOOKUP);
        navigator.go(Screen.SHOWTIMES); // the lookup's "New sale" (or F2 again)

        assertTheNextSaleStartsAfresh("D1");
    }

    @Test
    void theDoneScreensNewSaleStartsANewSale() {
        sellOnTheCounter("E7");
        var done = new DoneViewModel(counter, tasks, navigator, sale, messages, Mode.COUNTER, null, clock.getZone());
        done.start();
        done.newSale();

        assertThat(sale.paymentProperty().get()).isNull();
        assertTheNextSaleStartsAfresh("E7");
    }

    @Test
    void beingLeftIdleOnTheBookingCodeStartsANewSale() {
        sellOnTheCounter("G3", "G4");
        ManualClock idleClock = new ManualClock(Instant.now(), clock.getZone());
        IdleTimer idle = new IdleTimer(tasks, sale, navigator, idleClock, IdleTimer.LIMIT);

        idleClock.advance(IdleTimer.LIMIT.plusSeconds(1));
        idle.check();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);

        assertTheNextSaleStartsAfresh("G3", "G4");
    }

    @Test
    void thePaidHoldLeavesTheSaleAsSoonAsItIsPaid() {
        sellOnTheCounter("B2");

        // the booking code still shows, but nothing of the sale may be taken up again
        assertThat(sale.paymentProperty().get()).isNotNull();
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.holdsSeatsOf(showtime.id())).isFalse();
        assertThat(sale.countdown(clock)).isNull();

        // even a seat map of the same showtime opened without choosing it again shows no seats as ours
        SeatMapViewModel again = seatMap();
        again.open();
        await().atMost(WAIT).until(() -> again.seatMapProperty().get() != null);
        assertThat(again.mine()).isEmpty();
        assertThat(again.countdownProperty().get()).isEmpty();
    }

    /** Showtimes → seat map → tickets → payment (cash) → the booking code, as a clerk sells. */
    private void sellOnTheCounter(String... seats) {
        clerk.started(new SessionView(
                "staff-token", Role.CLERK, "alice", "Alice", Instant.now().plusSeconds(3600)));
        sale.choose(1L, showtime);
        navigator.go(Screen.SEAT_MAP);

        SeatMapViewModel seatMap = seatMap();
        seatMap.open();
        await().atMost(WAIT).until(() -> seatMap.seatMapProperty().get() != null);
        for (String seat : seats) {
            seatMap.toggle(seat);
        }
        await().atMost(WAIT).until(() -> seatMap.canContinueProperty().get());
        assertThat(seatMap.proceed()).isTrue();
        seatMap.close();

        var tickets = new TicketsViewModel(counter, frame());
        tickets.start();
        await().atMost(WAIT).until(() -> tickets.canContinueProperty().get());
        tickets.continueToPayment();
        await().atMost(WAIT).until(() -> navigator.current() == Screen.PAYMENT);

        var payment = new PaymentViewModel(counter, counter, frame(), CardReader.SIMULATED);
        payment.start();
        payment.selectMethod(org.marquee.model.PaymentMethod.CASH);
        payment.tenderedProperty().set("100");
        payment.payCash();
        await().atMost(WAIT).until(() -> navigator.current() == Screen.DONE);
        for (String seat : seats) {
            assertThat(office.status(showtime.id(), seat)).isEqualTo(SeatStatus.SOLD);
        }
    }

    /** The clerk picks the same showtime again: the seat map shows the paid seats sold, none as ours, no countdown. */
    private void assertTheNextSaleStartsAfresh(String... paidSeats) {
        sale.choose(1L, showtime); // the showtimes screen's part
        navigator.go(Screen.SEAT_MAP);
        assertThat(sale.paymentProperty().get()).isNull();
        assertThat(sale.orderProperty().get()).isNull();
        assertThat(sale.holdProperty().get()).isNull();

        SeatMapViewModel next = seatMap();
        next.open();
        await().atMost(WAIT).until(() -> next.seatMapProperty().get() != null);
        assertThat(next.mine()).isEmpty();
        assertThat(next.hold()).isNull();
        assertThat(next.countdownProperty().get()).isEmpty();
        assertThat(next.canContinueProperty().get()).isFalse();
        for (String seat : paidSeats) {
            assertThat(statusOnMap(next, seat)).isEqualTo(SeatStatus.SOLD);
        }
        // a tap on a paid seat is refused, not taken as ours
        next.toggle(paidSeats[0]);
        assertThat(next.mine()).isEmpty();
        next.close();
    }

    private CheckoutFrame frame() {
        return new CheckoutFrame(tasks, connectivity, navigator, sale, messages, Mode.COUNTER, clock);
    }

    private SeatMapViewModel seatMap() {
        return new SeatMapViewModel(counter, NO_LIVE, tasks, navigator, sale, messages, Mode.COUNTER, clock);
    }

    private static SeatStatus statusOnMap(SeatMapViewModel model, String seatId) {
        return model.seatMapProperty().get().seats().stream()
                .filter(seat -> seat.id().equals(seatId))
                .map(SeatView::status)
                .findFirst()
                .orElseThrow();
    }
}
