package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapFixture.status;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.open;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.seatmap.SeatMapFixture.Terminal;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;

/** The seat map follows the server's live events over a real stream: no call from this terminal, no click. */
class LiveSeatMapServerTest {

    private static ServerProcess server;
    private static SeatMapFixture fixture;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
        fixture = new SeatMapFixture(server.url());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aHoldOnAnotherTerminalShowsHeldHereWithinTwoSeconds() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        SeatMapViewModel model = kiosk.model();
        open(model);
        awaitStreamOpen();

        fixture.client("demo-kiosk-2").hold(showtime.id(), List.of("E5", "E6"));

        await().atMost(2500, MILLISECONDS)
                .pollInterval(50, MILLISECONDS)
                .until(() -> status(model.seatMapProperty().get(), "E5") == SeatStatus.HELD
                        && status(model.seatMapProperty().get(), "E6") == SeatStatus.HELD);
        assertThat(model.justTaken()).contains("E5", "E6");
        model.close();
    }

    @Test
    void afterTheServerRestartsTheMapCatchesUpByItself() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-3", Mode.KIOSK, showtime, Clock.systemUTC());
        SeatMapViewModel model = kiosk.model();
        open(model);
        awaitStreamOpen();
        SeatHolds other = fixture.client("demo-kiosk-4");
        other.hold(showtime.id(), List.of("L1"));
        await().atMost(5, SECONDS).until(() -> status(model.seatMapProperty().get(), "L1") == SeatStatus.HELD);

        server = server.restart();
        // the counter first: a kiosk may not leave L4 alone by the aisle (DESIGN §8's single-seat rule)
        fixture.client("demo-counter-1").hold(showtime.id(), List.of("L4"));
        fixture.client("demo-kiosk-4").hold(showtime.id(), List.of("L1", "L2", "L3"));

        SeatHolds observer = fixture.client("demo-counter-1");
        await().atMost(60, SECONDS)
                .pollInterval(200, MILLISECONDS)
                .until(() -> statuses(model.seatMapProperty().get()).equals(statuses(observer.seatMap(showtime.id()))));
        assertThat(status(model.seatMapProperty().get(), "L3")).isEqualTo(SeatStatus.HELD);
        model.close();
    }

    /** The stream opens asynchronously: give it a moment so the first change is not made before it listens. */
    private static void awaitStreamOpen() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, SeatStatus> statuses(SeatMap map) {
        return map == null ? Map.of() : map.seats().stream().collect(Collectors.toMap(SeatView::id, SeatView::status));
    }
}
