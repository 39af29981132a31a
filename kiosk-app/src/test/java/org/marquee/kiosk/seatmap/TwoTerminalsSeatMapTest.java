package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.awaitHeld;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.awaitLoaded;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.fx;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.onScreen;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.seatdrawing.SeatState;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two kiosks on the same showtime pick the same seat: the first gets it; the second, whose map still showed it free,
 * is refused with the box office's message and sees the seat drawn as taken. And a seat taken on one terminal turns held
 * on another's open seat map by itself.
 */
@ExtendWith(ApplicationExtension.class)
class TwoTerminalsSeatMapTest {

    /** Both terminals sell from one in-memory box office, which streams its seat changes to their open maps. */
    private static final SeatMapFixture fixture = new SeatMapFixture(new FakeBoxOffice());

    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @Test
    void twoTerminalsPickingTheSameSeat(FxRobot robot) {
        ShowtimeListing showtime = fixture.freshShowtime();
        SeatMapView first = SeatMapViewTest.view(fixture.client("demo-kiosk-1"), Mode.KIOSK, showtime);
        // the second without live events: its map still shows E5 free, as when the stream lags
        SeatMapView second =
                SeatMapViewTest.view(fixture.client("demo-kiosk-2"), Mode.KIOSK, showtime, SeatMapFixture.NO_LIVE);
        // two kiosks, each in its own window; the robot taps the one in front
        Stage secondStage = fx(Stage::new);
        fx(() -> ModeStage.show(stage, first, Mode.KIOSK, false, 1280, 800));
        fx(() -> ModeStage.show(secondStage, second, Mode.KIOSK, false, 1280, 800));
        awaitLoaded(first);
        awaitLoaded(second);

        robot.interact(stage::toFront);
        robot.clickOn(onScreen(first, "E5"));
        awaitHeld(first, "E5");
        assertThat(fx(() -> second.canvas().drawnState("E5"))).isEqualTo(SeatState.AVAILABLE);

        robot.interact(secondStage::toFront);
        robot.clickOn(onScreen(second, "E5"));
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> !second.model().messageProperty().get().isEmpty()));

        Label message = (Label) fx(() -> second.lookup("#seat-message"));
        assertThat(fx(message::isVisible)).isTrue();
        assertThat(fx(message::getText))
                .contains("E5")
                .isEqualTo(fx(() -> second.model().messageProperty().get()));
        assertThat(fx(() -> second.canvas().drawnState("E5"))).isEqualTo(SeatState.HELD);
        assertThat(fx(() -> second.model().mine())).isEmpty();
        assertThat(fx(() -> second.model().hold())).isNull();
        assertThat(fx(() -> first.canvas().drawnState("E5"))).isEqualTo(SeatState.MINE);
        assertThat(SeatMapFixture.status(fixture.client("demo-counter-1").seatMap(showtime.id()), "E5"))
                .isEqualTo(SeatStatus.HELD);
        robot.interact(secondStage::close);
    }

    @Test
    void aSeatTakenOnOneTerminalTurnsHeldOnAnothersOpenMapWithoutAnyClick(FxRobot robot) throws InterruptedException {
        ShowtimeListing showtime = fixture.freshShowtime();
        SeatMapView first = SeatMapViewTest.view(fixture.client("demo-kiosk-1"), Mode.KIOSK, showtime);
        fx(() -> ModeStage.show(stage, first, Mode.KIOSK, false, 1280, 800));
        awaitLoaded(first);
        assertThat(fx(() -> first.canvas().drawnState("H9"))).isEqualTo(SeatState.AVAILABLE);
        Thread.sleep(500); // the stream opens in the background; a change made before would come as a reload

        fixture.client("demo-kiosk-2").hold(showtime.id(), List.of("H9"));

        await().atMost(3, SECONDS)
                .pollInterval(50, MILLISECONDS)
                .until(() -> fx(() -> first.canvas().drawnState("H9") == SeatState.HELD
                        && first.canvas().drawnJustTaken("H9")));
        assertThat(fx(() -> first.model().mine())).isEmpty();
        assertThat(fx(() -> first.canvas().drawnState("H10"))).isEqualTo(SeatState.AVAILABLE);
        // the highlight is brief: it goes by itself
        await().atMost(6, SECONDS).until(() -> fx(() -> !first.canvas().drawnJustTaken("H9")));
        assertThat(fx(() -> first.canvas().drawnState("H9"))).isEqualTo(SeatState.HELD);
        fx(() -> {
            first.close();
            return null;
        });
    }
}
