package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.app.AppContext;
import org.marquee.kiosk.app.MainWindow;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.seatmap.SeatBlocks;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's best seats in one touch and its accessible mode through the whole application against a demo server
 * (DESIGN §8, decision 0025): a 2-ticket card sale counted touch by touch from the showtimes screen, and the accessible
 * list of seat blocks that holds a wheelchair space with its companion seat without the map.
 */
@ExtendWith(ApplicationExtension.class)
class OneTouchSaleTest {

    private static ServerProcess server;

    private Stage stage;
    private AppContext ctx;
    private MainWindow window;
    private int touches;

    @BeforeAll
    static void startServer() {
        server = CheckoutFixture.server();
    }

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private void open(String token) throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-kiosk-one-touch");
        Settings kiosk = new Settings(server.url(), token, Mode.KIOSK, "en", false);
        ctx = AppContext.open(new SettingsStore(dataDir), kiosk, Platform::runLater);
        WaitForAsyncUtils.asyncFx(() -> {
                    window = new MainWindow(ctx);
                    window.show(stage);
                })
                .get();
    }

    @AfterEach
    void close() {
        if (window != null) {
            Platform.runLater(() -> {
                ctx.sale().startOver();
                window.close();
            });
            WaitForAsyncUtils.waitForFxEvents();
            ctx.close();
        }
    }

    @Test
    void aTwoTicketCardSaleTakesFiveTouchesFromTheShowtimes(FxRobot robot) throws Exception {
        open("demo-kiosk-2");
        MarqueeClient observer = CheckoutFixture.kiosk(server, 1);
        Fx.waitUntil(() -> robot.lookup(".showtime-button").tryQuery().isPresent());
        if (selectable(robot).isEmpty()) {
            // late in the evening today's showtimes have begun: the customer looks at tomorrow's (browsing, not
            // counted)
            robot.clickOn(robot.lookup(".day-button").nth(1).<Node>query());
            Fx.waitUntil(() -> !selectable(robot).isEmpty());
        }
        Button showtime = selectable(robot).getFirst();
        long showtimeId = Long.parseLong(showtime.getId().substring("showtime-".length()));

        touch(robot, showtime); // 1: the showtime
        Fx.waitUntil(() -> Fx.showing(robot, "#count-2"));
        touch(robot, robot.lookup("#count-2").queryButton()); // 2: two tickets: the best two seats are held at once

        SeatMapView seatMap = robot.lookup(node -> node instanceof SeatMapView).queryAs(SeatMapView.class);
        Fx.waitUntil(() -> seatMap.model().canContinueProperty().get());
        List<String> held = seatMap.model().hold().seatIds();
        assertThat(held).hasSize(2);
        assertThat(SeatBlocks.together(seatMap.model().seatMapProperty().get(), held))
                .as("side by side: %s", held)
                .isTrue();
        assertThat(Fx.text(robot, ".selection")).startsWith("2 seats: ");
        for (String seat : held) {
            assertThat(CheckoutFixture.status(observer, showtimeId, seat)).isEqualTo(SeatStatus.HELD);
        }
        Fx.waitUntil(() -> seatMap.canvas().drawnState(held.getFirst()) != null);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "kiosk-best-seats");

        touch(robot, robot.lookup("#seat-continue").queryButton()); // 3: Continue
        Fx.waitUntil(() -> Fx.showing(robot, "#tickets-continue")
                && !robot.lookup("#tickets-continue").queryButton().isDisabled());
        touch(robot, robot.lookup("#tickets-continue").queryButton()); // 4: two adults, as offered
        Fx.waitUntil(() -> Fx.showing(robot, "#payment-pay-card"));
        touch(robot, robot.lookup("#payment-pay-card").queryButton()); // 5: pay by card

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.text(robot, "#done-code")).matches("[ACDEFGHJKMNPQRTUVWXY3479]{6}");
        for (String seat : held) {
            assertThat(CheckoutFixture.status(observer, showtimeId, seat)).isEqualTo(SeatStatus.SOLD);
        }
        assertThat(touches)
                .as("touches from the showtimes screen to the booking code")
                .isEqualTo(5)
                .isLessThanOrEqualTo(6);
    }

    @Test
    void accessibleModeHoldsAWheelchairSpaceWithItsCompanionFromTheList(FxRobot robot) throws Exception {
        open("demo-kiosk-4");
        MarqueeClient observer = CheckoutFixture.kiosk(server, 1);
        ShowtimeListing showtime = CheckoutFixture.imaxShowtime(observer, 7);
        Fx.waitUntil(() -> Fx.showing(robot, "#accessible-mode"));

        robot.clickOn("#accessible-mode");

        BorderPane root = (BorderPane) window.root();
        Fx.waitUntil(() -> root.getStyleClass().contains("accessible-mode"));
        assertThat(root.getBottom().lookup("#accessible-mode"))
                .as("the header and its buttons at the bottom, within reach")
                .isNotNull();
        assertThat(Fx.showing(robot, "#accessible-reach")).isTrue();
        robot.interact(() -> {
            ctx.sale().choose(1L, showtime);
            ctx.navigator().go(Screen.SEAT_MAP);
        });
        Fx.waitUntil(() -> Fx.showing(robot, "#count-2"));
        robot.clickOn("#count-2");

        Fx.waitUntil(() -> Fx.showing(robot, ".block-entry"));
        SeatMapView seatMap = robot.lookup(node -> node instanceof SeatMapView).queryAs(SeatMapView.class);
        assertThat(seatMap.canvas().isVisible() && isShown(seatMap.canvas()))
                .as("the list instead of the map")
                .isFalse();
        List<Button> entries =
                robot.lookup(".block-entry").queryAllAs(Button.class).stream().toList();
        Button first = entries.getFirst();
        assertThat(first.getText()).isEqualTo("Wheelchair space with companion seat, row A");
        assertThat(first.getAccessibleText()).startsWith("Wheelchair space with companion seat, row A: seats A");
        assertThat(entries).extracting(Button::getText).anyMatch(text -> text.startsWith("2 seats together, row "));

        robot.clickOn(first);

        Fx.waitUntil(() -> seatMap.model().canContinueProperty().get());
        List<String> held = seatMap.model().hold().seatIds();
        assertThat(held).hasSize(2);
        for (String seat : held) {
            assertThat(CheckoutFixture.status(observer, showtime.id(), seat)).isEqualTo(SeatStatus.HELD);
        }
        Fx.waitUntil(() -> robot.lookup(".block-entry.chosen").tryQuery().isPresent());
        assertThat(robot.lookup(".block-entry.chosen").queryButton().getText())
                .isEqualTo("Wheelchair space with companion seat, row A (your seats)");

        shoot(root, 1080, 1920, "kiosk-accessible-1080x1920");
        shoot(root, 1920, 1080, "kiosk-accessible-1920x1080");
    }

    private void touch(FxRobot robot, Node target) {
        WaitForAsyncUtils.waitForFxEvents(); // the screen laid out where it lands: the touch meets its target
        robot.clickOn(target);
        touches++;
    }

    /** The showtimes that may be chosen now and are within the window (no scrolling), first on the screen first. */
    private static List<Button> selectable(FxRobot robot) {
        return robot.lookup(".showtime-button").queryAllAs(Button.class).stream()
                .filter(button -> !button.isDisabled() && isShown(button))
                .filter(button -> button.localToScene(button.getBoundsInLocal()).getMaxY()
                        < button.getScene().getHeight())
                .toList();
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** The whole window at another screen size: its root, laid out in a scene no window shows. */
    private void shoot(Parent root, double width, double height, String name) throws Exception {
        Scene scene = WaitForAsyncUtils.asyncFx(() -> {
                    if (root.getScene() != null && root.getScene().getRoot() == root) {
                        root.getScene().setRoot(new Pane());
                    }
                    Scene offscreen = new Scene(root, width, height);
                    ModeStage.layout(offscreen);
                    return offscreen;
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.asyncFx(() -> ModeStage.layout(scene)).get();
        Snapshots.save(scene, name);
    }
}
