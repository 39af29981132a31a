package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapFixture.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.HoldCountdown;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.seatmap.SeatMapFixture.Terminal;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.HoldView;
import org.marquee.model.SeatStatus;

/** The seat map's view-model against the in-memory box office (the server's API contract), without the FX toolkit: every tap changes the hold at once. */
class SeatMapViewModelTest {

    private static SeatMapFixture fixture;
    private static SeatHolds observer;

    @BeforeAll
    static void openTheBoxOffice() {
        fixture = new SeatMapFixture(new FakeBoxOffice());
        observer = fixture.client("demo-counter-1");
    }

    @Test
    void tapsAcquireChangeAndReleaseTheHold() {
        var showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        SeatMapViewModel model = kiosk.model();
        open(model);
        assertThat(model.seatMapProperty().get().seats()).hasSize(308);

        model.toggle("F7");
        awaitHold(model, "F7");
        assertThat(status(observer.seatMap(showtime.id()), "F7")).isEqualTo(SeatStatus.HELD);
        assertThat(kiosk.sale().holdProperty().get()).isSameAs(model.hold());
        assertThat(model.canContinueProperty().get()).isTrue();

        model.toggle("F8");
        awaitHold(model, "F7", "F8");
        assertThat(status(observer.seatMap(showtime.id()), "F8")).isEqualTo(SeatStatus.HELD);
        assertThat(model.selectionProperty().get()).isEqualTo("2 seats: F7, F8");

        model.toggle("F7");
        awaitHold(model, "F8");
        assertThat(status(observer.seatMap(showtime.id()), "F7")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(model.seatMapProperty().get().seats())
                .filteredOn(seat -> seat.id().equals("F7"))
                .singleElement()
                .extracting(seat -> seat.status())
                .isEqualTo(SeatStatus.AVAILABLE);

        model.toggle("F8");
        await().atMost(10, SECONDS)
                .until(() -> model.hold() == null
                        && !model.busyProperty().get()
                        && kiosk.sale().holdProperty().get() == null);
        assertThat(kiosk.sale().holdProperty().get()).isNull();
        assertThat(status(observer.seatMap(showtime.id()), "F8")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(model.canContinueProperty().get()).isFalse();
        assertThat(model.countdownProperty().get()).isEmpty();
    }

    @Test
    void aKioskAsksForTapsAndACounterNamesTheKeys() {
        var showtime = fixture.freshShowtime();
        SeatMapViewModel kiosk = fixture.terminal("demo-kiosk-3", Mode.KIOSK, showtime, Clock.systemUTC())
                .model();
        SeatMapViewModel counter = fixture.terminal("demo-counter-1", Mode.COUNTER, showtime, Clock.systemUTC())
                .model();
        open(kiosk);
        open(counter);

        assertThat(kiosk.selectionProperty().get()).isEqualTo("Tap the seats you want.");
        assertThat(counter.selectionProperty().get())
                .isEqualTo("Click the seats, or use the arrow keys and Space (1–9: that many seats side by side).")
                .doesNotContain("Tap");
    }

    @Test
    void aSeatAnotherTerminalTookIsRefusedShownTakenAndDeselected() {
        var showtime = fixture.freshShowtime();
        // without live events, so that the map still shows free what another terminal took (a stream that is late)
        Terminal kiosk =
                fixture.terminal("demo-kiosk-2", Mode.KIOSK, showtime, Clock.systemUTC(), SeatMapFixture.NO_LIVE);
        SeatMapViewModel model = kiosk.model();
        open(model);
        SeatHolds other = fixture.client("demo-kiosk-3");
        other.hold(showtime.id(), List.of("G10"));

        // the map still says G10 is free: the tap goes to the server, which refuses it
        model.toggle("G10");
        await().atMost(10, SECONDS).until(() -> !model.messageProperty().get().isEmpty());
        assertThat(model.messageProperty().get()).contains("G10").doesNotStartWith("seatmap.");
        assertThat(model.mine()).isEmpty();
        assertThat(model.hold()).isNull();
        assertThat(status(model.seatMapProperty().get(), "G10")).isEqualTo(SeatStatus.HELD);

        // with a hold already: the change is refused all or nothing, the seat held before stays held
        model.toggle("G1");
        awaitHold(model, "G1");
        other.hold(showtime.id(), List.of("G2"));
        model.toggle("G2");
        await().atMost(10, SECONDS).until(() -> model.messageProperty().get().contains("G2"));
        assertThat(model.mine()).containsExactly("G1");
        assertThat(model.hold().seatIds()).containsExactly("G1");
        assertThat(status(model.seatMapProperty().get(), "G2")).isEqualTo(SeatStatus.HELD);
        assertThat(model.canContinueProperty().get()).isTrue();

        // a seat shown as taken is not even asked for
        model.toggle("G10");
        assertThat(model.messageProperty().get()).isEqualTo("Seat G10 is not available. Please choose another.");
        model.back();
    }

    @Test
    void aKioskRefusesTheEleventhSeatWithoutAskingTheServer() {
        var showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-4", Mode.KIOSK, showtime, Clock.systemUTC());
        SeatMapViewModel model = kiosk.model();
        open(model);
        List<String> seats = new ArrayList<>();
        for (int number = 5; number <= 14; number++) {
            seats.add("K" + number);
            model.toggle("K" + number);
            awaitHold(model, seats.toArray(String[]::new));
        }
        List<Boolean> requests = new ArrayList<>();
        model.busyProperty().addListener((obs, was, now) -> requests.add(now));

        model.toggle("K15");

        assertThat(model.messageProperty().get()).isEqualTo("You can choose at most 10 seats here.");
        assertThat(model.mine()).hasSize(10).doesNotContain("K15");
        assertThat(requests).isEmpty();
        assertThat(kiosk.tasks().busyProperty().get()).isFalse();
        assertThat(status(observer.seatMap(showtime.id()), "K15")).isEqualTo(SeatStatus.AVAILABLE);
        model.back();
        await().atMost(10, SECONDS).until(() -> status(observer.seatMap(showtime.id()), "K5") == SeatStatus.AVAILABLE);
        assertThat(kiosk.navigator().current()).isEqualTo(Screen.SHOWTIMES);
    }

    @Test
    void countdownRunsOnTheServersClockAndOffersMoreTimeInTheLastMinute() {
        var showtime = fixture.freshShowtime();
        // this terminal's clock is an hour and a bit behind the server's: the countdown must not care
        ManualClock clock = new ManualClock(Instant.now().minus(Duration.ofMinutes(67)), SeatMapFixture.MADRID);
        Terminal counter = fixture.terminal("demo-counter-1", Mode.COUNTER, showtime, clock);
        SeatMapViewModel model = counter.model();
        open(model);
        assertThat(model.maxSeats()).isGreaterThan(10);

        model.toggle("H3");
        awaitHold(model, "H3");
        HoldView hold = model.hold();
        Duration ttl = Duration.between(hold.serverTime(), hold.expiresAt());
        assertThat(model.countdownProperty().get()).isEqualTo(HoldCountdown.format(ttl));
        assertThat(model.extendOfferedProperty().get()).isFalse();

        clock.advance(ttl.minusSeconds(61));
        model.tick();
        assertThat(model.countdownProperty().get()).isEqualTo("01:01");
        assertThat(model.extendOfferedProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        model.tick();
        assertThat(model.countdownProperty().get()).isEqualTo("00:59");
        assertThat(model.extendOfferedProperty().get()).isTrue();

        model.extend();
        await().atMost(10, SECONDS)
                .until(() ->
                        model.hold() != hold && counter.sale().holdProperty().get() == model.hold());
        assertThat(model.hold().expiresAt()).isAfter(hold.expiresAt());
        assertThat(model.extendOfferedProperty().get()).isFalse();
        assertThat(counter.sale().holdProperty().get()).isSameAs(model.hold());

        // time runs out on this terminal's reckoning: the choice is cleared, the map read again, and it says so
        HoldView extended = model.hold();
        clock.advance(Duration.between(extended.serverTime(), extended.expiresAt()));
        model.tick();
        assertThat(model.messageProperty().get())
                .isEqualTo("Time ran out and your seats were released. Please choose them again.");
        assertThat(model.mine()).isEmpty();
        assertThat(model.hold()).isNull();
        assertThat(counter.sale().holdProperty().get()).isNull();
        assertThat(model.countdownProperty().get()).isEmpty();
        await().atMost(10, SECONDS).until(() -> !model.loadingProperty().get());
        counter.client().release(extended.holdId());
    }

    @Test
    void theCountdownFollowsTheServersClockWhateverTheTerminalsSays() {
        Instant server = Instant.parse("2026-11-21T18:00:00Z");
        HoldView hold = new HoldView(
                java.util.UUID.randomUUID(),
                1,
                List.of("A1"),
                org.marquee.model.HoldStatus.ACTIVE,
                server,
                server.plus(Duration.ofMinutes(8)),
                server.plus(Duration.ofMinutes(20)),
                server);
        Instant local = server.plus(Duration.ofHours(3)); // a terminal three hours ahead
        HoldCountdown countdown = HoldCountdown.of(hold, local);

        assertThat(countdown.offset()).isEqualTo(Duration.ofHours(-3));
        assertThat(HoldCountdown.format(countdown.remaining(local))).isEqualTo("08:00");
        assertThat(HoldCountdown.format(countdown.remaining(local.plusSeconds(7 * 60 + 30))))
                .isEqualTo("00:30");
        assertThat(countdown.offerExtension(local.plusSeconds(7 * 60))).isTrue();
        assertThat(countdown.offerExtension(local.plusSeconds(6 * 60 + 59))).isFalse();
        assertThat(countdown.remaining(local.plusSeconds(9 * 60))).isZero();
        assertThat(countdown.offerExtension(local.plusSeconds(9 * 60))).isFalse();
        assertThat(HoldCountdown.format(Duration.ofMillis(59_200))).isEqualTo("01:00");
        assertThat(HoldCountdown.format(Duration.ZERO)).isEqualTo("00:00");

        HoldView capped = new HoldView(
                hold.holdId(),
                1,
                List.of("A1"),
                hold.status(),
                server,
                server.plusSeconds(30),
                server.plusSeconds(30),
                server);
        assertThat(HoldCountdown.of(capped, local).offerExtension(local)).isFalse();
    }

    @Test
    void comingBackFromTheTicketsKeepsTheHoldAndItsCountdown() {
        var showtime = fixture.freshShowtime();
        ManualClock clock = new ManualClock(Instant.now(), SeatMapFixture.MADRID);
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, clock);
        open(kiosk.model());
        kiosk.model().toggle("D4");
        awaitHold(kiosk.model(), "D4");
        assertThat(kiosk.model().proceed()).isTrue();
        assertThat(kiosk.navigator().current()).isEqualTo(Screen.TICKETS);
        clock.advance(Duration.ofSeconds(90));

        // the shell makes a new view-model on every visit; the sale carries the hold
        var again = new SeatMapViewModel(
                kiosk.client(),
                SeatMapFixture.NO_LIVE,
                kiosk.tasks(),
                kiosk.navigator(),
                kiosk.sale(),
                new org.marquee.kiosk.i18n.Messages(java.util.Locale.ENGLISH),
                Mode.KIOSK,
                clock);
        open(again);
        assertThat(again.mine()).containsExactly("D4");
        assertThat(again.hold()).isSameAs(kiosk.sale().holdProperty().get());
        HoldView hold = again.hold();
        Duration left = Duration.between(hold.serverTime(), hold.expiresAt()).minusSeconds(90);
        assertThat(again.countdownProperty().get()).isEqualTo(HoldCountdown.format(left));
        again.back();
        assertThat(kiosk.sale().holdProperty().get()).isNull();
    }

    static void open(SeatMapViewModel model) {
        model.open();
        await().atMost(10, SECONDS).until(() -> model.seatMapProperty().get() != null);
    }

    static void awaitHold(SeatMapViewModel model, String... seats) {
        await().atMost(10, SECONDS)
                .until(() -> !model.busyProperty().get()
                        && model.hold() != null
                        && Set.copyOf(model.hold().seatIds()).equals(Set.of(seats))
                        && model.canContinueProperty().get());
    }
}
