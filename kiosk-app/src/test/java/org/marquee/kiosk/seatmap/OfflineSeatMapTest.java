package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;

/**
 * The seat map when the server goes away and comes back (issue 14, item 5), against the in-memory box office: a map
 * that cannot be read says why it is blank, a dropped event stream is marked, and all is back to normal on return.
 */
class OfflineSeatMapTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeBoxOffice office = new FakeBoxOffice();
    private final SeatMapFixture fixture = new SeatMapFixture(office);

    @AfterEach
    void backOnline() {
        office.offline(false);
    }

    @Test
    void anOfflineMapSaysWhyItIsBlankAndFillsInWhenTheServerIsBack() {
        var terminal = fixture.terminal("demo-counter-1", Mode.COUNTER, fixture.freshShowtime(), Clock.systemUTC());
        SeatMapViewModel model = terminal.model();
        office.offline(true);

        model.open();
        await().atMost(WAIT).until(() -> !model.loadingProperty().get());

        assertThat(model.seatMapProperty().get()).isNull();
        assertThat(model.selectionProperty().get())
                .isEqualTo("The seat map needs the box-office server; it shows again as soon as the terminal is back"
                        + " online.");
        assertThat(model.messageProperty().get()).isNotEmpty();

        office.offline(false);
        model.reconnect(); // the terminal is online again

        await().atMost(WAIT).until(() -> model.seatMapProperty().get() != null);
        assertThat(model.selectionProperty().get())
                .as("a clerk is told of the keys, not to tap")
                .startsWith("Click the seats, or use the arrow keys");
        assertThat(model.messageProperty().get()).as("the error box is cleared").isEmpty();
        assertThat(model.livePausedProperty().get()).isFalse();
    }

    @Test
    void aDroppedStreamIsMarkedUntilItIsBackAndTheMapIsReadAgain() {
        var showtime = fixture.freshShowtime();
        var terminal = fixture.terminal("demo-counter-1", Mode.COUNTER, showtime, Clock.systemUTC());
        SeatMapViewModel model = terminal.model();
        model.open();
        await().atMost(WAIT).until(() -> model.seatMapProperty().get() != null);
        assertThat(model.livePausedProperty().get()).isFalse();

        office.offline(true);
        assertThat(model.livePausedProperty().get()).as("live updates paused").isTrue();
        model.toggle("F7"); // refused: offline
        await().atMost(WAIT).until(() -> !model.messageProperty().get().isEmpty());

        var other = office.terminal();
        office.offline(false);
        other.hold(showtime.id(), java.util.List.of("F9"));

        assertThat(model.livePausedProperty().get()).isFalse();
        await().atMost(WAIT)
                .until(() -> SeatMapFixture.status(model.seatMapProperty().get(), "F9")
                        == org.marquee.model.SeatStatus.HELD);
        assertThat(model.messageProperty().get()).as("the error box is cleared").isEmpty();
    }
}
