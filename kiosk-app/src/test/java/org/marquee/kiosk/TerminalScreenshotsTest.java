package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.checkout.CardReader;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.checkout.CheckoutFrame;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.checkout.PaymentView;
import org.marquee.kiosk.checkout.PaymentViewModel;
import org.marquee.kiosk.checkout.TicketsView;
import org.marquee.kiosk.checkout.TicketsViewModel;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.counter.LookupView;
import org.marquee.kiosk.counter.LookupViewModel;
import org.marquee.kiosk.counter.ShowtimeNames;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.seatmap.SeatMapViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.ShowtimeListing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screens issue 14 changed, saved to {@code docs/screenshots/} at the three screen sizes a terminal has (1920×1080
 * kiosk, 1280×800 counter or small kiosk, 1080×1920 portrait kiosk), against the in-memory box office: the counter's
 * seat map with the keyboard's ring and the keys on its buttons, the offline seat map, "live updates paused", the
 * ticket and payment screens with their keys, and a mistyped booking code in Spanish. 1280×800 is shown in the real
 * (headless) window, so the focus ring shows there; the other sizes are drawn in scenes no window shows.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalScreenshotsTest {

    private static final double[][] SIZES = {{1920, 1080}, {1280, 800}, {1080, 1920}};

    private final Messages english = new Messages(Locale.ENGLISH);
    private final List<Path> saved = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @Test
    void theCountersKeyboardScreens(FxRobot robot) throws Exception {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        ShowtimeListing showtime = CheckoutFixture.imaxShowtime(clerk, 1);
        SaleSession sale = new SaleSession(clerk, new Tasks(Platform::runLater));
        fx(() -> {
            sale.choose(1L, showtime);
            return null;
        });
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        boolean chosen = false;
        for (double[] size : SIZES) {
            SeatMapView view = fx(() -> seatMap(clerk, sale, navigator, Mode.COUNTER, english));
            Scene scene = place(view, Mode.COUNTER, size);
            Fx.waitUntil(() -> view.model().seatMapProperty().get() != null);
            if (!chosen) { // "2": two seats side by side from the ring, as the keyboard does
                fx(() -> {
                    view.cursor().block(2, view.model().mine()).forEach(view.model()::toggle);
                    return null;
                });
                chosen = true;
            }
            Fx.waitUntil(() -> view.model().canContinueProperty().get());
            shoot(scene, "seatmap-counter-keys", size);
            fx(() -> {
                view.close();
                return null;
            });
        }
        for (double[] size : SIZES) {
            var model = new TicketsViewModel(clerk, frame(sale, navigator, Mode.COUNTER));
            TicketsView view = fx(() -> new TicketsView(model, english));
            fx(() -> {
                model.start();
                return null;
            });
            Scene scene = place(view, Mode.COUNTER, size);
            Fx.waitUntil(() -> model.canContinueProperty().get());
            shoot(scene, "tickets-counter-keys", size);
        }
        for (double[] size : SIZES) {
            var model = new PaymentViewModel(clerk, clerk, frame(sale, navigator, Mode.COUNTER), CardReader.SIMULATED);
            PaymentView view = fx(() -> new PaymentView(model, english));
            fx(() -> {
                model.start();
                model.tenderedProperty().set("30");
                return null;
            });
            Scene scene = place(view, Mode.COUNTER, size);
            shoot(scene, "payment-counter-keys", size);
        }
        assertThat(saved).hasSize(9).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    @Test
    void theSeatMapOfflineAndWithItsLiveUpdatesPaused() throws Exception {
        FakeBoxOffice office = new FakeBoxOffice();
        ShowtimeListing showtime = office.showtime();
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        for (double[] size : SIZES) {
            FakeBoxOffice.Terminal kiosk = office.terminal();
            SaleSession sale = new SaleSession(kiosk, new Tasks(Platform::runLater));
            fx(() -> {
                sale.choose(1L, showtime);
                return null;
            });
            office.offline(false);
            SeatMapView view = fx(() -> seatMap(kiosk, sale, navigator, Mode.KIOSK, english));
            Scene scene = place(view, Mode.KIOSK, size);
            Fx.waitUntil(() -> view.model().seatMapProperty().get() != null);
            office.offline(true); // the server stops: the stream drops
            Fx.waitUntil(() -> view.model().livePausedProperty().get());
            shoot(scene, "seatmap-kiosk-live-paused", size);
            fx(() -> {
                view.close();
                return null;
            });

            SeatMapView blank = fx(() -> seatMap(kiosk, sale, navigator, Mode.COUNTER, english));
            Scene offline = place(blank, Mode.COUNTER, size);
            Fx.waitUntil(() -> !blank.model().messageProperty().get().isEmpty());
            shoot(offline, "seatmap-counter-offline", size);
            fx(() -> {
                blank.close();
                return null;
            });
        }
        office.offline(false);
        assertThat(saved).hasSize(6);
    }

    @Test
    void aMistypedBookingCodeInSpanish() throws Exception {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        Messages spanish = new Messages(Locale.of("es"));
        Path tickets = Files.createTempDirectory("marquee-shots");
        for (double[] size : SIZES) {
            LookupViewModel model = new LookupViewModel(
                    clerk,
                    (username, pin, orderId) -> {
                        throw new IllegalStateException("no refund here");
                    },
                    new TicketOutput(tickets, () -> null),
                    ShowtimeNames.NONE,
                    new Tasks(Platform::runLater),
                    new Navigator(),
                    spanish);
            LookupView view = fx(() -> new LookupView(model, spanish));
            Scene scene = place(view, Mode.COUNTER, size);
            fx(() -> {
                model.codeProperty().set("ZZZZZZ");
                model.find();
                return null;
            });
            Fx.waitUntil(() -> !model.errorProperty().get().isEmpty());
            shoot(scene, "lookup-counter-es-not-found", size);
        }
        assertThat(saved).hasSize(3);
    }

    private SeatMapView seatMap(
            FakeBoxOffice.Terminal client, SaleSession sale, Navigator navigator, Mode mode, Messages messages) {
        var model = new SeatMapViewModel(
                client,
                client,
                new Tasks(Platform::runLater),
                navigator,
                sale,
                messages,
                mode,
                Clock.system(CheckoutFixture.MADRID));
        SeatMapView view = new SeatMapView(model, navigator, mode, messages);
        model.open();
        return view;
    }

    private static CheckoutFrame frame(SaleSession sale, Navigator navigator, Mode mode) {
        FakeBoxOffice.Terminal any = CheckoutFixture.terminal();
        return new CheckoutFrame(
                new Tasks(Platform::runLater),
                CheckoutFixture.connectivity(any),
                navigator,
                sale,
                CheckoutFixture.english(),
                mode,
                Clock.system(CheckoutFixture.MADRID));
    }

    /** The 1280×800 one in the window (it takes the keyboard's focus), the others in scenes no window shows. */
    private Scene place(Parent view, Mode mode, double[] size) throws Exception {
        if (size[0] == 1280 && size[1] == 800) {
            return fx(() -> ModeStage.show(stage, view, mode, false, 1280, 800));
        }
        return fx(() -> ModeStage.offscreen(view, mode, false, size[0], size[1]));
    }

    private void shoot(Scene scene, String name, double[] size) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600); // the focus request and the live map settle
        fx(() -> {
            if (scene.getWindow() == null) {
                ModeStage.layout(scene);
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        saved.add(Snapshots.save(scene, name + "-" + (int) size[0] + "x" + (int) size[1]));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
