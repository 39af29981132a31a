package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
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

/**
 * A kiosk sale through the whole application, as the main window builds its screens: one ticket, a seat tapped on the
 * seat map, a child's ticket, a card, and the booking code.
 */
@ExtendWith(ApplicationExtension.class)
class WholeAppSaleTest {

    private static ServerProcess server;

    private AppContext ctx;
    private MainWindow window;

    @BeforeAll
    static void startServer() {
        server = CheckoutFixture.server();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-kiosk-whole-sale");
        Settings kiosk = new Settings(server.url(), "demo-kiosk-3", Mode.KIOSK, "en", false);
        ctx = AppContext.open(new SettingsStore(dataDir), kiosk, Platform::runLater);
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
    void aKioskSaleFromTheSeatMapToTheBookingCode(FxRobot robot) {
        MarqueeClient client = CheckoutFixture.kiosk(server, 3);
        ShowtimeListing showtime = CheckoutFixture.imaxShowtime(client, 11);
        String seat = CheckoutFixture.availableSeats(client, showtime.id(), SeatType.STANDARD)
                .getFirst();
        robot.interact(() -> {
            // the showtimes screen's part: a showtime of the big hall chosen
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

        // one ticket: the kiosk holds the best seat at once; the tap then moves it to the seat wanted (decision 0025)
        robot.clickOn("#count-1");
        Fx.waitUntil(() -> seatMap.get().model().canContinueProperty().get() && !Fx.showing(robot, "#best-count"));
        robot.clickOn(where);
        Fx.waitUntil(() -> seatMap.get().model().canContinueProperty().get()
                && seatMap.get().model().mine().contains(seat));
        robot.clickOn("#seat-continue");

        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€12.50"));
        robot.clickOn("#type-" + seat + "-CHILD");
        Fx.waitUntil(() -> Fx.text(robot, "#tickets-total").equals("€9.50")
                && !robot.lookup("#tickets-continue").queryButton().isDisabled());
        robot.clickOn("#tickets-continue");

        Fx.waitUntil(() -> Fx.showing(robot, "#payment-screen"));
        assertThat(Fx.showing(robot, "#method-cash")).isFalse();
        assertThat(Fx.showing(robot, "#payment-card-token")).as("a demo kiosk").isTrue();
        robot.clickOn("#payment-pay-card");

        Fx.waitUntil(() -> Fx.showing(robot, "#done-screen"));
        assertThat(Fx.text(robot, "#done-code")).matches("[ACDEFGHJKMNPQRTUVWXY3479]{6}");
        assertThat(CheckoutFixture.status(client, showtime.id(), seat)).isEqualTo(SeatStatus.SOLD);
        assertThat(Fx.showing(robot, "#idle-notice")).isFalse();

        robot.clickOn("#done-new-sale");
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.SHOWTIMES);
        assertThat(ctx.sale().paymentProperty().get()).isNull();
    }
}
