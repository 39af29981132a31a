package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.awaitHeld;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.fx;
import static org.marquee.kiosk.seatmap.SeatMapViewTest.onScreen;

import java.util.Locale;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatPalette;
import org.marquee.kiosk.seatdrawing.SeatState;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's biggest hall (308 seats, 22 a row) on the screens kiosks have (issue 14, item 6): zoomed to fit without
 * scroll bars at 1280×800, panned and zoomed by hand with the row letters kept at both edges, and on a portrait screen
 * every column across its width with the panel underneath.
 */
@ExtendWith(ApplicationExtension.class)
class SeatMapSizesTest {

    private static final FakeBoxOffice office = new FakeBoxOffice();
    private static final SeatMapFixture fixture = new SeatMapFixture(office);

    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @Test
    void theBigHallFitsASmallKioskWithoutScrollBarsAndEverySeatIsAFingersWidth(FxRobot robot) {
        SeatMapView view = SeatMapViewTest.show(stage, "demo-kiosk-1", Mode.KIOSK, fixture.freshShowtime(), 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> view.lookupAll(".scroll-bar").stream().noneMatch(Node::isVisible)))
                .as("no desktop scroll bars at a kiosk")
                .isTrue();
        assertThat(fx(() -> view.canvas().showsWholeHall())).isTrue();
        assertThat(fx(() -> view.canvas().cellSize())).isGreaterThanOrEqualTo(30);
        for (String corner : new String[] {"A1", "A22", "P1", "P22"}) {
            assertThat(inView(view, corner)).as("%s on screen", corner).isTrue();
        }
        robot.clickOn(onScreen(view, "P22"));
        awaitHeld(view, "P22");
    }

    @Test
    void aZoomedHallPansByDragAndKeepsItsRowLettersAtBothEdges(FxRobot robot) {
        SeatMapView view = SeatMapViewTest.show(stage, "demo-kiosk-2", Mode.KIOSK, fixture.freshShowtime(), 1280, 800);
        double fitted = fx(() -> view.canvas().cellSize());
        Point2D middle = onScreen(view, "H11");

        // two fingers spread apart over H11: the touch screen's pinch
        fx(() -> {
            Point2D at = view.canvas().seatCenter("H11");
            Event.fireEvent(
                    view.canvas(),
                    new ZoomEvent(
                            ZoomEvent.ZOOM,
                            at.getX(),
                            at.getY(),
                            middle.getX(),
                            middle.getY(),
                            false,
                            false,
                            false,
                            false,
                            true,
                            false,
                            1.8,
                            1.8,
                            null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inView(view, "H11")).as("the pinch zooms around the fingers").isTrue();
        assertThat(fx(() -> view.canvas().cellSize())).isGreaterThan(fitted * 1.5);
        assertThat(fx(() -> view.canvas().showsWholeHall())).isFalse();
        assertLettersAtBothEdges(view);

        // drag the hall to the right: its left block comes into view, and the letters stay where they are
        Point2D before = fx(() -> view.canvas().seatCenter("H11"));
        robot.drag(middle, MouseButton.PRIMARY).moveBy(300, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D after = fx(() -> view.canvas().seatCenter("H11"));
        assertThat(after.getX() - before.getX()).isGreaterThan(200);
        assertThat(fx(() -> view.model().hold())).as("a drag is not a tap").isNull();
        assertLettersAtBothEdges(view);

        // a seat tapped after the pan is the seat under the finger
        String seat = inView(view, "H5") ? "H5" : "H9";
        robot.clickOn(onScreen(view, seat));
        awaitHeld(view, seat);
        assertThat(fx(() -> view.canvas().drawnState(seat))).isEqualTo(SeatState.MINE);
    }

    @Test
    void theWheelZoomsAndAFingersDragPans() {
        SeatMapView view = SeatMapViewTest.show(stage, "demo-kiosk-2", Mode.KIOSK, fixture.freshShowtime(), 1280, 800);
        double fitted = fx(() -> view.canvas().cellSize());
        Point2D at = fx(() -> view.canvas().seatCenter("H11"));

        for (int notch = 0; notch < 4; notch++) { // a mouse wheel turned away from the person: zoom in
            fx(() -> {
                Event.fireEvent(view.canvas(), scroll(at, 0, 40, false));
                return null;
            });
        }
        assertThat(fx(() -> view.canvas().cellSize())).isGreaterThan(fitted * 1.5);
        Point2D before = fx(() -> view.canvas().seatCenter("H11"));

        // a finger on the touch screen drags the hall 150 px to the left: JavaFX's direct scroll gesture
        fx(() -> {
            Event.fireEvent(view.canvas(), scroll(at, -150, 0, true));
            return null;
        });
        Point2D after = fx(() -> view.canvas().seatCenter("H11"));
        assertThat(after.getX() - before.getX()).isCloseTo(-150, org.assertj.core.api.Assertions.within(1.0));
        assertThat(fx(() -> view.model().hold())).as("a drag is not a tap").isNull();
        assertLettersAtBothEdges(view);
    }

    private static ScrollEvent scroll(Point2D at, double dx, double dy, boolean finger) {
        return new ScrollEvent(
                ScrollEvent.SCROLL,
                at.getX(),
                at.getY(),
                at.getX(),
                at.getY(),
                false,
                false,
                false,
                false,
                finger,
                false,
                dx,
                dy,
                dx,
                dy,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                finger ? 1 : 0,
                null);
    }

    @Test
    void aPortraitScreenShowsEveryColumnAndPutsThePanelUnderTheMap() {
        for (Mode mode : new Mode[] {Mode.KIOSK, Mode.COUNTER}) {
            SeatMapView view = SeatMapViewTest.view(
                    fixture.client(mode == Mode.KIOSK ? "demo-kiosk-3" : "demo-counter-1"),
                    mode,
                    fixture.freshShowtime());
            Scene scene = fx(() -> ModeStage.offscreen(view, mode, false, 1080, 1920));
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> fx(() -> {
                        ModeStage.layout(scene);
                        return view.canvas().drawnState("A1") != null;
                    }));
            fx(() -> {
                ModeStage.layout(scene);
                ModeStage.layout(scene); // the panel moved under the map: a second pass settles it
                return null;
            });

            assertThat(fx(view::isPortrait)).isTrue();
            assertThat(fx(() -> view.canvas().showsWholeHall()))
                    .as("all 22 columns")
                    .isTrue();
            Bounds canvas = fx(() -> bounds(view.canvas()));
            Bounds proceed = fx(() -> bounds(view.lookup("#seat-continue")));
            assertThat(canvas.getWidth()).as("the map takes the screen's width").isGreaterThan(1000);
            assertThat(proceed.getMinY()).as("Continue under the map").isGreaterThan(canvas.getMaxY());
            assertThat(proceed.getMaxY()).isLessThanOrEqualTo(1920);
            assertThat(proceed.getMaxX()).isLessThanOrEqualTo(1080);
            assertThat(proceed.getWidth())
                    .as("Continue across the screen's width")
                    .isGreaterThan(900);
            assertThat(fx(() -> view.canvas().cellSize() * 15))
                    .as("the map's rows fill its height: no band of empty screen above or below them")
                    .isGreaterThan(canvas.getHeight() * 0.75);
            fx(() -> {
                view.close();
                return null;
            });
        }
    }

    @Test
    void theHoldTimeoutMessageShowsWholeOnASmallKiosk() {
        ManualClock clock = new ManualClock(java.time.Instant.now(), SeatMapFixture.MADRID);
        SeatHolds client = fixture.client("demo-kiosk-4");
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        Tasks tasks = new Tasks(Platform::runLater);
        SaleSession sale = new SaleSession(client, tasks);
        sale.choose(1L, fixture.freshShowtime());
        Messages messages = new Messages(Locale.of("es")); // the longer words
        var model = new SeatMapViewModel(
                client, SeatMapFixture.events(client), tasks, navigator, sale, messages, Mode.KIOSK, clock);
        SeatMapView view = fx(() -> new SeatMapView(model, navigator, Mode.KIOSK, messages));
        Scene scene = fx(() -> ModeStage.show(stage, view, Mode.KIOSK, false, 1280, 800));
        SeatMapViewTest.awaitLoaded(view);
        for (String seat : new String[] {"P1", "P2", "P3", "P4"}) {
            fx(() -> {
                model.toggle(seat);
                return null;
            });
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> fx(() ->
                            model.mine().contains(seat) && !model.busyProperty().get()));
        }

        clock.advance(java.time.Duration.ofMinutes(21)); // past any hold's end
        fx(() -> {
            model.tick();
            return null;
        });
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> fx(() -> !model.messageProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Label message = fx(() -> (javafx.scene.control.Label) view.lookup("#seat-message"));
        Bounds shown = fx(() -> bounds(message));
        double needed = fx(() -> message.prefHeight(message.getWidth()));
        assertThat(fx(message::getText)).startsWith("Se acabó el tiempo");
        assertThat(shown.getHeight()).as("every line of the message").isGreaterThanOrEqualTo(needed - 1);
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(800);
        assertThat(fx(() -> bounds(view.lookup("#seat-back")).getMaxY()))
                .as("Back still on the screen")
                .isLessThanOrEqualTo(800);
        org.marquee.kiosk.testing.Snapshots.save(scene, "seatmap-kiosk-expired-1280x800-es");
    }

    /** Row letters drawn in the left and right edge of the canvas, beside row H. */
    private static void assertLettersAtBothEdges(SeatMapView view) {
        double[] hits = fx(() -> {
            Canvas surface = (Canvas) view.canvas().getChildrenUnmodifiable().getFirst();
            WritableImage image = surface.snapshot(null, null);
            double cell = view.canvas().cellSize();
            double gutter = 1.3 * cell;
            double rowMiddle = view.canvas().seatCenter("H11").getY();
            Color ink = SeatPalette.regular().label();
            return new double[] {
                inkIn(image, ink, 0, gutter, rowMiddle - cell / 3, rowMiddle + cell / 3),
                inkIn(
                        image,
                        ink,
                        surface.getWidth() - gutter,
                        surface.getWidth(),
                        rowMiddle - cell / 3,
                        rowMiddle + cell / 3)
            };
        });
        assertThat(hits[0]).as("letter H at the left edge").isGreaterThan(10);
        assertThat(hits[1]).as("letter H at the right edge").isGreaterThan(10);
    }

    private static double inkIn(WritableImage image, Color ink, double x0, double x1, double y0, double y1) {
        int count = 0;
        for (int y = (int) Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = (int) Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                Color pixel = image.getPixelReader().getColor(x, y);
                if (Math.abs(pixel.getRed() - ink.getRed()) < 0.12
                        && Math.abs(pixel.getGreen() - ink.getGreen()) < 0.12
                        && Math.abs(pixel.getBlue() - ink.getBlue()) < 0.12) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean inView(SeatMapView view, String seat) {
        return fx(() -> {
            Point2D centre = view.canvas().seatCenter(seat);
            double half = view.canvas().cellSize() / 2;
            double gutter =
                    view.canvas().showsWholeHall() ? 0 : 1.3 * view.canvas().cellSize();
            return centre.getX() - half >= gutter
                    && centre.getX() + half <= view.canvas().getWidth() - gutter
                    && centre.getY() - half >= 0
                    && centre.getY() + half <= view.canvas().getHeight();
        });
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
