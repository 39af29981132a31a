package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapFixture.status;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.awaitHold;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.open;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMapVersion;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;

/**
 * The seat map's handling of live events, without the FX toolkit or a stream: the test hands the events in through the
 * view-model's feed seam. The map itself is read from the in-memory box office.
 */
class LiveSeatMapViewModelTest {

    private static SeatMapFixture fixture;

    @BeforeAll
    static void openTheBoxOffice() {
        FakeBoxOffice office = new FakeBoxOffice();
        office.latency(Duration.ofMillis(200)); // a request is still on its way while the test taps again
        fixture = new SeatMapFixture(office);
    }

    /** Stands in for the server's stream: remembers the listener the view-model subscribed with. */
    static final class FakeFeed implements SeatEvents {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile SeatFeed.Listener listener;
        volatile long showtimeId;

        @Override
        public AutoCloseable open(long showtime, SeatFeed.Listener events) {
            opened.incrementAndGet();
            closed.set(false);
            showtimeId = showtime;
            listener = events;
            return () -> closed.set(true);
        }

        void seats(long version, SeatChange... changes) {
            listener.seats(new SeatChanges(showtimeId, version, List.of(changes)));
        }
    }

    private record Live(SeatMapViewModel model, FakeFeed feed, ManualClock clock, SeatHolds client) {
        long version() {
            return model.seatMapProperty().get().version();
        }
    }

    private static Live openLive(String token, ShowtimeListing showtime) {
        FakeFeed feed = new FakeFeed();
        ManualClock clock = new ManualClock(Instant.now(), SeatMapFixture.MADRID);
        var terminal = fixture.terminal(token, Mode.KIOSK, showtime, clock, feed);
        open(terminal.model());
        await().atMost(10, SECONDS)
                .until(() -> !terminal.model().loadingProperty().get());
        return new Live(terminal.model(), feed, clock, terminal.client());
    }

    @Test
    void aSeatsEventChangesStatusesWithoutReadingTheMapAndHighlightsTakenSeats() {
        Live live = openLive("demo-kiosk-1", fixture.freshShowtime());
        assertThat(live.feed().opened).hasValue(1);
        long version = live.version();

        live.feed().seats(version + 1, new SeatChange("C3", SeatStatus.HELD), new SeatChange("C4", SeatStatus.SOLD));

        SeatMapViewModel model = live.model();
        assertThat(model.loadingProperty().get()).as("no read of the whole map").isFalse();
        assertThat(model.seatMapProperty().get().version()).isEqualTo(version + 1);
        assertThat(status(model.seatMapProperty().get(), "C3")).isEqualTo(SeatStatus.HELD);
        assertThat(status(model.seatMapProperty().get(), "C4")).isEqualTo(SeatStatus.SOLD);
        assertThat(model.justTaken()).containsExactlyInAnyOrder("C3", "C4");

        live.feed().seats(version + 2, new SeatChange("C3", SeatStatus.AVAILABLE));
        assertThat(status(model.seatMapProperty().get(), "C3")).isEqualTo(SeatStatus.AVAILABLE);

        live.clock().advance(LiveSeats.JUST_TAKEN.minusMillis(1));
        model.tick();
        assertThat(model.justTaken()).isNotEmpty();
        live.clock().advance(Duration.ofMillis(1));
        model.tick();
        assertThat(model.justTaken()).isEmpty();

        model.close();
        assertThat(live.feed().closed).isTrue();
    }

    @Test
    void thisTerminalsOwnSeatsStayMine() {
        Live live = openLive("demo-kiosk-2", fixture.freshShowtime());
        SeatMapViewModel model = live.model();
        model.toggle("F7");
        awaitHold(model, "F7");

        // the server's event for our own hold, or a late one saying it is free: either way it stays ours
        live.feed().seats(live.version() + 1, new SeatChange("F7", SeatStatus.HELD));
        live.feed().seats(live.version() + 1, new SeatChange("F7", SeatStatus.AVAILABLE));

        assertThat(model.mine()).containsExactly("F7");
        assertThat(model.justTaken()).isEmpty();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.canContinueProperty().get()).isTrue();
        model.back();
    }

    @Test
    void aChosenSeatNotYetSentThatSomeoneElseTakesIsDeselectedWithAMessage() {
        Live live = openLive("demo-kiosk-3", fixture.freshShowtime());
        SeatMapViewModel model = live.model();
        long version = live.version();
        model.toggle("J1"); // goes to the server
        model.toggle("J2"); // waits for the answer about J1
        assertThat(model.busyProperty().get()).as("J1 still on its way").isTrue();

        live.feed().seats(version + 1, new SeatChange("J2", SeatStatus.HELD));

        assertThat(model.mine()).containsExactly("J1");
        assertThat(model.messageProperty().get())
                .isEqualTo("Someone else has just taken J2. Please choose another seat.");
        assertThat(model.justTaken()).containsExactly("J2");
        assertThat(status(model.seatMapProperty().get(), "J2")).isEqualTo(SeatStatus.HELD);
        awaitHold(model, "J1");
        model.back();
    }

    @Test
    void eventsNoNewerThanTheMapAreIgnoredAndANewerHelloReadsTheMap() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Live live = openLive("demo-kiosk-4", showtime);
        SeatMapViewModel model = live.model();
        long version = live.version();

        live.feed().seats(version, new SeatChange("B2", SeatStatus.HELD));
        live.feed().seats(version - 1, new SeatChange("B3", SeatStatus.HELD));
        live.feed().listener.hello(new SeatMapVersion(showtime.id(), version));
        assertThat(status(model.seatMapProperty().get(), "B2")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(status(model.seatMapProperty().get(), "B3")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(model.loadingProperty().get())
                .as("an old hello reads nothing")
                .isFalse();

        // another terminal holds B5; only a hello newer than the map makes this one read it
        fixture.client("demo-counter-1").hold(showtime.id(), List.of("B5"));
        live.feed().listener.hello(new SeatMapVersion(showtime.id(), version + 1));
        await().atMost(10, SECONDS).until(() -> status(model.seatMapProperty().get(), "B5") == SeatStatus.HELD);
        assertThat(model.seatMapProperty().get().version()).isGreaterThan(version);
    }

    @Test
    void aReloadEventReadsTheSeatMapAgain() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Live live = openLive("demo-kiosk-1", showtime);
        SeatMapViewModel model = live.model();
        fixture.client("demo-kiosk-2").hold(showtime.id(), List.of("D9", "D10"));
        assertThat(status(model.seatMapProperty().get(), "D9")).isEqualTo(SeatStatus.AVAILABLE);

        live.feed().listener.reload(new SeatMapVersion(showtime.id(), live.version()));

        await().atMost(10, SECONDS)
                .until(() -> status(model.seatMapProperty().get(), "D9") == SeatStatus.HELD
                        && status(model.seatMapProperty().get(), "D10") == SeatStatus.HELD);
        assertThat(model.justTaken()).as("a read is no news of a moment ago").isEmpty();
    }

    @Test
    void leavingTheScreenStopsTheFeedAndDropsLateEvents() {
        Live live = openLive("demo-kiosk-2", fixture.freshShowtime());
        SeatMapViewModel model = live.model();
        SeatFeed.Listener late = live.feed().listener;
        long version = live.version();

        model.back();

        assertThat(live.feed().closed).isTrue();
        late.seats(
                new SeatChanges(live.feed().showtimeId, version + 1, List.of(new SeatChange("A1", SeatStatus.HELD))));
        assertThat(model.seatMapProperty().get()).isNull();
        assertThat(model.justTaken()).isEmpty();
    }
}
