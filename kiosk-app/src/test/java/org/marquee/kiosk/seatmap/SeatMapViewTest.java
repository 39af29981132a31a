package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapFixture.status;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatState;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.HoldView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person sees and taps on the seat map, against the in-memory box office (the server's API contract): seats drawn as theirs and held at once. */
@ExtendWith(ApplicationExtension.class)
class SeatMapViewTest {

    private static final FakeBoxOffice office = new FakeBoxOffice();
    private static final SeatMapFixture fixture = new SeatMapFixture(office);

    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    /** A terminal's seat-map screen on {@code showtime}, shown in the test's window and loaded. */
    static SeatMapView show(Stage stage, String token, Mode mode, ShowtimeListing showtime, double w, double h) {
        SeatMapView view = view(fixture.client(token), mode, showtime);
        fx(() -> ModeStage.show(stage, view, mode, false, w, h));
        awaitLoaded(view);
        return view;
    }

    static SeatMapView view(SeatHolds client, Mode mode, ShowtimeListing showtime) {
        return view(client, mode, showtime, null);
    }

    /** As above, with the live seat events from {@code feeds} (null: from the server). */
    static SeatMapView view(SeatHolds client, Mode mode, ShowtimeListing showtime, SeatEvents feeds) {
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        Messages messages = new Messages(Locale.ENGLISH);
        Tasks tasks = new Tasks(Platform::runLater);
        SaleSession sale = new SaleSession(client, tasks);
        sale.choose(1L, showtime);
        Clock clock = Clock.system(SeatMapFixture.MADRID);
        SeatEvents events = feeds == null ? SeatMapFixture.events(client) : feeds;
        var model = new SeatMapViewModel(client, events, tasks, navigator, sale, messages, mode, clock);
        return fx(() -> new SeatMapView(model, navigator, mode, messages));
    }

    static void awaitLoaded(SeatMapView view) {
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> view.model().seatMapProperty().get() != null
                        && view.canvas().cellSize() > 0
                        && view.canvas().drawnState("A1") != null));
    }

    /** Where seat {@code seatId} is on the screen, for the robot to tap. */
    static Point2D onScreen(SeatMapView view, String seatId) {
        return fx(() -> view.canvas().localToScreen(view.canvas().seatCenter(seatId)));
    }

    static void awaitHeld(SeatMapView view, String... seats) {
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> view.model().canContinueProperty().get()
                        && view.model().hold().seatIds().size() == seats.length
                        && view.model().hold().seatIds().containsAll(List.of(seats))));
    }

    @Test
    void tappingTwoSeatsDrawsThemAsMineAndHoldsThemOnTheServer(FxRobot robot) {
        ShowtimeListing showtime = fixture.freshShowtime();
        SeatMapView view = show(stage, "demo-kiosk-1", Mode.KIOSK, showtime, 1280, 800);
        assertThat(robot.lookup("#seat-continue").queryAs(Button.class).isDisabled())
                .isTrue();

        robot.clickOn(onScreen(view, "F7"));
        awaitHeld(view, "F7");
        robot.clickOn(onScreen(view, "F8"));
        awaitHeld(view, "F7", "F8");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> view.canvas().drawnState("F7"))).isEqualTo(SeatState.MINE);
        assertThat(fx(() -> view.canvas().drawnState("F8"))).isEqualTo(SeatState.MINE);
        assertThat(fx(() -> view.canvas().drawnState("F9"))).isEqualTo(SeatState.AVAILABLE);
        assertThat(fx(() -> view.canvas().drawnState("C11"))).isEqualTo(SeatState.BLOCKED);
        var onServer = fixture.client("demo-counter-1").seatMap(showtime.id());
        assertThat(status(onServer, "F7")).isEqualTo(SeatStatus.HELD);
        assertThat(status(onServer, "F8")).isEqualTo(SeatStatus.HELD);
        assertThat(robot.lookup("#seat-continue").queryAs(Button.class).isDisabled())
                .isFalse();

        robot.clickOn("#seat-back");
        await().atMost(15, SECONDS)
                .until(() ->
                        status(fixture.client("demo-counter-1").seatMap(showtime.id()), "F7") == SeatStatus.AVAILABLE);
    }

    @Test
    void lessRoomRefitsTheHallAndTapsStillHitTheirSeat(FxRobot robot) {
        ShowtimeListing showtime = fixture.freshShowtime();
        SeatMapView view = show(stage, "demo-counter-1", Mode.COUNTER, showtime, 1280, 800);
        double large = fx(() -> view.canvas().cellSize());
        int draws = fx(() -> view.canvas().fullDraws());

        // the space for the screen shrinks (a window made smaller, say; resizing the headless window itself upsets it)
        robot.interact(() -> view.setMaxSize(900, 560));
        await().atMost(10, SECONDS).until(() -> fx(() -> view.canvas().cellSize()) < large);
        assertThat(fx(() -> view.canvas().fullDraws())).isGreaterThan(draws);
        assertThat(fx(() -> view.canvas().getWidth())).isLessThan(900);
        assertThat(fx(() -> view.canvas().seatCenter("P22").getX()))
                .isLessThan(fx(() -> view.canvas().getWidth()));

        robot.clickOn(onScreen(view, "P22"));
        awaitHeld(view, "P22");
        assertThat(fx(() -> view.canvas().drawnState("P22"))).isEqualTo(SeatState.MINE);

        double small = fx(() -> view.canvas().cellSize());
        robot.interact(() -> view.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE));
        await().atMost(10, SECONDS).until(() -> fx(() -> view.canvas().cellSize()) > small);
        assertThat(fx(() -> view.canvas().drawnState("P22"))).isEqualTo(SeatState.MINE);
        robot.clickOn(onScreen(view, "P22"));
        await().atMost(15, SECONDS).until(() -> fx(() -> view.model().hold() == null));
    }

    @Test
    void screenshotsOfBothModes(FxRobot robot) {
        ShowtimeListing showtime = fixture.freshShowtime();
        // other terminals: two seats sold, two being booked
        FakeBoxOffice.Terminal seller = office.terminal();
        HoldView sold = seller.hold(showtime.id(), List.of("J11", "J12"));
        var order = seller.order(
                sold.holdId(),
                List.of(new TicketRequest("J11", TicketType.ADULT), new TicketRequest("J12", TicketType.ADULT)),
                "screenshots@example.com");
        seller.pay(order.orderId(), new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_visa", null));
        fixture.client("demo-kiosk-4").hold(showtime.id(), List.of("E11", "E12"));

        SeatMapView counter = show(stage, "demo-counter-1", Mode.COUNTER, showtime, 1280, 800);
        robot.clickOn(onScreen(counter, "G8"));
        awaitHeld(counter, "G8");
        robot.clickOn(onScreen(counter, "G9"));
        awaitHeld(counter, "G8", "G9");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> counter.canvas().drawnState("J11"))).isEqualTo(SeatState.SOLD);
        assertThat(fx(() -> counter.canvas().drawnState("E11"))).isEqualTo(SeatState.HELD);

        // a full-HD kiosk screen is larger than the headless one: laid out off screen, tapped through its model
        SeatMapView kiosk = view(fixture.client("demo-kiosk-1"), Mode.KIOSK, showtime);
        Scene scene = fx(() -> ModeStage.offscreen(kiosk, Mode.KIOSK, false, 1920, 1080));
        await().atMost(15, SECONDS)
                .until(() -> fx(() -> {
                    ModeStage.layout(scene);
                    return kiosk.canvas().drawnState("A1") != null;
                }));
        fx(() -> {
            kiosk.model().toggle("H12");
            return null;
        });
        awaitHeld(kiosk, "H12");
        fx(() -> {
            ModeStage.layout(scene);
            return null;
        });
        assertThat(fx(() -> kiosk.canvas().drawnState("H12"))).isEqualTo(SeatState.MINE);
        assertThat(fx(() -> kiosk.canvas().cellSize()))
                .as("a seat is a finger's width")
                .isGreaterThanOrEqualTo(48);
    }

    static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
