package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.app.AppContext;
import org.marquee.kiosk.app.MainWindow;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimeListing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A clerk at the counter, through the whole application: sign in, choose a seat, take cash, hand over the code. */
@ExtendWith(ApplicationExtension.class)
class WholeAppCounterSaleTest {

    private static ServerProcess server;

    private AppContext ctx;
    private MainWindow window;

    @BeforeAll
    static void startServer() {
        server = CheckoutFixture.server();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-counter-whole-sale");
        Settings counter = new Settings(server.url(), "demo-counter-1", Mode.COUNTER, "en", false);
        ctx = AppContext.open(new SettingsStore(dataDir), counter, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() {
        Platform.runLater(window::close);
        WaitForAsyncUtils.waitForFxEvents();
        ctx.close();
    }

    @Test
    void aClerkSignsInAndSellsForCash(FxRobot robot) {
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.LOGIN);
        robot.clickOn("#login-username").write("alice");
        robot.type(KeyCode.ENTER);
        robot.write("1234").type(KeyCode.ENTER);
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.SHOWTIMES);

        MarqueeClient client = CheckoutFixture.kiosk(server, 4);
        ShowtimeListing showtime = CheckoutFixture.imaxShowtime(client, 12);
        String seat = CheckoutFixture.availableSeats(client, showtime.id(), SeatType.STANDARD)
                .getFirst();
        robot.interact(() -> {
            // the showtimes screen's part, tested on its own: a showtime of the big hall chosen
            ctx.sale().choose(1L, showtime);
            ctx.navigator().go(Screen.SEAT_MAP);
        });
        AtomicReference<SeatMapView> seatMap = new AtomicReference<>();
        Fx.waitUntil(() -> {
            seatMap.set(robot.lookup(node -> node instanceof SeatMapView)
                    .tryQueryAs(SeatMapView.class)
                    .orElse(null));
            return seatMap.get() != null
                    && seatMap.get().canvas().cellSize() > 0
                    && seatMap.get().canvas().drawnState(seat) != null;
        });
        Point2D where = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() ->
                seatMap.get().canvas().localToScreen(seatMap.get().canvas().seatCenter(seat))));

        robot.clickOn(where);
        Fx.waitUntil(() -> seatMap.get().model().canContinueProperty().get());
        robot.clickOn("#seat-continue");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€12.50")
                && !robot.lookup("#tickets-continue").queryButton().isDisabled());
        robot.clickOn("#tickets-continue");

        Fx.waitUntil(() -> Fx.showing(robot, "#payment-screen"));
        robot.clickOn("#payment-tendered").write("20");
        Fx.waitUntil(() -> Fx.text(robot, "#payment-change").equals("Change: €7.50"));
        robot.clickOn("#payment-pay-cash");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.text(robot, "#done-change")).isEqualTo("Change: €7.50");
        assertThat(Fx.text(robot, "#done-code")).matches("[ACDEFGHJKMNPQRTUVWXY3479]{6}");
        assertThat(CheckoutFixture.status(client, showtime.id(), seat)).isEqualTo(SeatStatus.SOLD);
    }
}
