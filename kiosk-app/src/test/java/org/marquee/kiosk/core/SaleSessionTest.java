package org.marquee.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;

/** The sale session against the in-memory box office: the one owner of the hold, and the one that gives it back. */
class SaleSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeBoxOffice office = new FakeBoxOffice();
    private final FakeBoxOffice.Terminal terminal = office.terminal();
    private final ShowtimeListing showtime = office.showtime();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);
    private final SaleSession sale = new SaleSession(terminal, tasks);

    @AfterEach
    void stop() {
        tasks.close();
    }

    private HoldView hold(String... seats) {
        AtomicReference<HoldView> answer = new AtomicReference<>();
        sale.changeSeats(showtime.id(), List.of(seats), answer::set, problem -> {});
        await().atMost(WAIT).until(() -> answer.get() != null);
        return answer.get();
    }

    @Test
    void changeSeatsHoldsAndTheAnswerBecomesTheSalesHold() {
        sale.choose(1L, showtime);
        HoldView held = hold("E4", "E5");

        assertThat(sale.holdProperty().get()).isSameAs(held);
        assertThat(sale.holdsSeatsOf(showtime.id())).isTrue();
        assertThat(office.status(showtime.id(), "E4")).isEqualTo(SeatStatus.HELD);
        assertThat(sale.countdown(Clock.systemUTC())).isSameAs(sale.countdown(Clock.systemUTC()));
    }

    @Test
    void aTakenSeatIsRefusedNamingIt() {
        office.terminal().hold(showtime.id(), List.of("F1"));
        AtomicReference<ApiProblem> refused = new AtomicReference<>();
        sale.changeSeats(showtime.id(), List.of("F1"), hold -> {}, refused::set);

        await().atMost(WAIT).until(() -> refused.get() != null);
        assertThat(refused.get().code()).isEqualTo(ErrorCode.SEATS_UNAVAILABLE);
        assertThat(refused.get().seatIds()).containsExactly("F1");
        assertThat(sale.holdProperty().get()).isNull();
    }

    @Test
    void startOverGivesTheHoldBackAndForgetsTheSale() {
        sale.choose(1L, showtime);
        hold("G7");

        sale.startOver();

        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.showtimeProperty().get()).isNull();
        await().atMost(WAIT).until(() -> office.status(showtime.id(), "G7") == SeatStatus.AVAILABLE);
    }

    @Test
    void anAnswerThatArrivesAfterTheSaleMovedOnIsGivenBack() {
        office.latency(Duration.ofMillis(300));
        AtomicReference<HoldView> heard = new AtomicReference<>();
        sale.changeSeats(showtime.id(), List.of("H2"), heard::set, problem -> {});
        sale.startOver(); // before the answer

        await().pollDelay(Duration.ofMillis(400))
                .atMost(WAIT)
                .until(() -> office.status(showtime.id(), "H2") == SeatStatus.AVAILABLE);
        assertThat(heard.get()).isNull();
        assertThat(sale.holdProperty().get()).isNull();
    }

    @Test
    void aPaidSaleRetiresItsHoldAndTheNextChoiceStartsAfresh() {
        sale.choose(1L, showtime);
        HoldView held = hold("J3");
        sale.paid(new PaymentResult("PAID", null, "ACDEFG", 1550, "EUR", List.of(), null));

        assertThat(sale.holdProperty().get()).isNull();
        sale.adoptHold(held);
        assertThat(sale.holdProperty().get())
                .as("a paid sale takes no hold back")
                .isNull();
        sale.release(); // nothing to give back: the seats are sold
        assertThat(office.status(showtime.id(), "J3")).isEqualTo(SeatStatus.HELD);

        sale.choose(1L, showtime);
        assertThat(sale.paymentProperty().get()).isNull();
        assertThat(sale.isPaid()).isFalse();
    }
}
