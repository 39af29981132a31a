package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.app.AppContext;
import org.marquee.kiosk.app.MainWindow;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one source of the terminal's pictures in {@code docs/screenshots/}: starts the whole application against a real
 * server, in counter and in kiosk mode, walks a sale through every screen {@link Screens} registers, and saves each
 * whole window (header and all) at the three sizes terminals have as {@code <screen>-<mode>-<w>x<h>.png}: 1280×800 in
 * the (headless) window, 1920×1080 and portrait 1080×1920 by moving the window's root into a scene of that size. Every
 * screen is saved in high contrast ({@code -hc}) and in Spanish ({@code -es}) too, from a sale of its own. Screens are filled by setting the sale's state the way the screens before them would,
 * with real holds, orders and payments; other terminals' holds and sales make the seat map show every status.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final String COUNTER_TOKEN = "demo-counter-1";
    private static final String KIOSK_TOKEN = "demo-kiosk-1";
    /** English, high contrast, Spanish: every screen is shot in each. */
    private static final List<String> VARIANTS = java.util.Arrays.asList(null, "hc", "es");

    /** The sizes besides the headless window's 1280×800: a full-HD kiosk and a portrait one. */
    private static final double[][] OTHER_SIZES = {{1920, 1080}, {1080, 1920}};

    private static ServerProcess server;
    private static Stage stage;
    private static long theaterId;
    private static ShowtimeListing showtime;

    private AppContext ctx;
    private MainWindow window;
    private final List<Path> saved = new ArrayList<>();

    @BeforeAll
    static void startServerWithTraffic() {
        server = ServerProcess.start();
        MarqueeClient look = new MarqueeClient(server.url(), KIOSK_TOKEN);
        // the biggest auditorium tomorrow: aisles, premium row, wheelchair and companion seats
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        for (var theater : look.theaters(null, null)) {
            for (ShowtimeListing listing : look.showtimes(theater.id(), tomorrow)) {
                if (showtime == null || listing.seatsTotal() > showtime.seatsTotal()) {
                    showtime = listing;
                    theaterId = theater.id();
                }
            }
        }
        // other terminals at work: a kiosk sells six seats, another holds four
        MarqueeClient buyer = new MarqueeClient(server.url(), "demo-kiosk-3");
        HoldView bought = buyer.hold(showtime.id(), middleSeats(buyer, 6, 0.35));
        OrderView order = buyer.order(bought.holdId(), adults(bought.seatIds()), null);
        buyer.pay(order.orderId(), new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_visa", null));
        MarqueeClient holder = new MarqueeClient(server.url(), "demo-kiosk-4");
        holder.hold(showtime.id(), middleSeats(holder, 4, 0.75));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void closeApplication() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    if (window != null) {
                        window.close();
                    }
                })
                .get();
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void counterMode(FxRobot robot) throws Exception {
        open(Mode.COUNTER, COUNTER_TOKEN);
        shoot(Screen.SETUP, "counter", null);

        go(Screen.LOGIN);
        for (String variant : VARIANTS) {
            inVariant(variant);
            shoot("login-counter", variant);
        }
        inVariant(null);
        robot.clickOn(pointOf(robot, "#login-username")).write("alice");
        robot.clickOn(pointOf(robot, "#login-pin")).write("1234").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> onFx(() -> ctx.counterSession().signedInProperty().get()));
        double[] rows = {0.55, 0.1, 0.25};
        for (int i = 0; i < VARIANTS.size(); i++) {
            String variant = VARIANTS.get(i);
            inVariant(variant);
            String code = sellThroughEveryScreen("counter", PaymentMethod.CASH, variant, rows[i]);
            go(Screen.LOOKUP);
            onFx(() -> {
                ((javafx.scene.control.TextField) stage.getScene().lookup("#lookup-code")).clear();
                return null;
            });
            robot.clickOn(pointOf(robot, "#lookup-code")).write(code).type(KeyCode.ENTER);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> onFx(() -> robot.lookup("#lookup-order-code")
                            .queryLabeled()
                            .getText()
                            .equals(code)));
            shoot("lookup-counter", variant);
        }
        inVariant(null);
        // setup once; login, showtimes, seat map, tickets, payment, done and lookup in English, high contrast, Spanish
        assertThat(saved)
                .hasSize(3 * (1 + 7 * 3))
                .allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    @Test
    void kioskMode() throws Exception {
        open(Mode.KIOSK, KIOSK_TOKEN);
        shoot(Screen.SETUP, "kiosk", null);
        double[] rows = {0.55, 0.45, 0.95};
        for (int i = 0; i < VARIANTS.size(); i++) {
            inVariant(VARIANTS.get(i));
            sellThroughEveryScreen("kiosk", PaymentMethod.CARD, VARIANTS.get(i), rows[i]);
        }
        inVariant(null);
        // setup once; showtimes, seat map, tickets, payment and done in English, high contrast and Spanish
        assertThat(saved)
                .hasSize(3 * (1 + 5 * 3))
                .allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    /** English (null), high contrast ("hc") or Spanish ("es"), for the screens shot next. */
    private void inVariant(String variant) throws Exception {
        onFx(() -> {
            ctx.setHighContrast("hc".equals(variant));
            ctx.setLanguage("es".equals(variant) ? Settings.SPANISH : Settings.ENGLISH);
            return null;
        });
    }

    /** Showtimes → seat map → tickets → payment → done; the order's code. */
    private String sellThroughEveryScreen(String mode, PaymentMethod method, String variant, double row)
            throws Exception {
        shoot(Screen.SHOWTIMES, mode, variant);
        HoldView hold = prepareHold(row);
        shoot(Screen.SEAT_MAP, mode, variant);

        // an adult, a child and an adult, as chosen on the ticket screen: it shows the order's types
        List<TicketRequest> tickets = new ArrayList<>(adults(hold.seatIds()));
        tickets.set(1, new TicketRequest(hold.seatIds().get(1), TicketType.CHILD));
        OrderView order = ctx.client().order(hold.holdId(), tickets, null);
        onFx(() -> {
            ctx.sale().priced(order);
            return null;
        });
        shoot(Screen.TICKETS, mode, variant);
        shoot(Screen.PAYMENT, mode, variant);

        PaymentResult paid = ctx.client()
                .pay(
                        order.orderId(),
                        method == PaymentMethod.CASH
                                ? new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, 5000L)
                                : new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_visa", null));
        onFx(() -> {
            ctx.sale().paid(paid);
            return null;
        });
        shoot(Screen.DONE, mode, variant);
        return order.code();
    }

    /** This terminal holds three seats side by side around {@code depth} of the hall, as a tap on the map would: each series its own row, so no hold leaves a single seat. */
    private HoldView prepareHold(double depth) throws Exception {
        HoldView hold = ctx.client().hold(showtime.id(), middleSeats(ctx.client(), 3, depth));
        onFx(() -> {
            ctx.sale().forget();
            ctx.sale().choose(theaterId, showtime);
            ctx.sale().adoptHold(hold);
            return null;
        });
        return hold;
    }

    private void open(Mode mode, String token) throws Exception {
        Path dataDir =
                Files.createTempDirectory("marquee-screenshots-" + mode.name().toLowerCase(Locale.ROOT));
        Settings settings = new Settings(server.url(), token, mode, Settings.ENGLISH, false);
        onFx(() -> {
            ctx = AppContext.open(new SettingsStore(dataDir), settings, Platform::runLater);
            window = new MainWindow(ctx);
            window.show(stage);
            return null;
        });
        // the catalog is in the cache before the first picture
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> ctx.catalogRevisionProperty().get()) > 0);
    }

    private void shoot(Screen screen, String mode, String suffix) throws Exception {
        go(screen);
        shoot(fileName(screen) + "-" + mode, suffix);
    }

    /** seatmap, showtimes, tickets…: the names the screens' own tests used before this one. */
    private static String fileName(Screen screen) {
        return screen.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    private void go(Screen screen) throws Exception {
        onFx(() -> {
            ctx.navigator().go(screen);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Where to click {@code query}, worked out on the FX thread: TestFX's own {@code clickOn(query)} reads node bounds
     * from the test thread, which races the FX thread laying out text (a new screen, a ticking countdown).
     */
    private static Point2D pointOf(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
    }

    private void shoot(String name) throws Exception {
        shoot(name, null);
    }

    /**
     * Saves the window as it looks at each size, once the screen has loaded what it asked for: {@code
     * <name>-<w>x<h>[-<variant>].png}.
     */
    private void shoot(String name, String variant) throws Exception {
        String tail = variant == null ? "" : "-" + variant;
        settle();
        saved.add(Snapshots.save(stage.getScene(), name + "-1280x800" + tail));
        for (double[] size : OTHER_SIZES) {
            // the same root in a scene of that size: a kiosk's larger or portrait screen (the headless one is 1280×800)
            Scene other = onFx(() -> {
                Parent root = stage.getScene().getRoot();
                stage.getScene().setRoot(new Group());
                Scene scene = new Scene(root, size[0], size[1]);
                ModeStage.layout(scene);
                return scene;
            });
            try {
                settle();
                onFx(() -> {
                    ModeStage.layout(other);
                    return null;
                });
                saved.add(Snapshots.save(other, name + "-" + (int) size[0] + "x" + (int) size[1] + tail));
            } finally {
                onFx(() -> {
                    Parent root = other.getRoot();
                    other.setRoot(new Group());
                    stage.getScene().setRoot(root);
                    return null;
                });
            }
        }
    }

    /** Until nothing is loading, the live map and countdowns have settled, and the kiosk's idle clock starts again. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofMillis(300))
                .until(() -> !onFx(() -> ctx.tasks().busyProperty().get()));
        Thread.sleep(800); // live updates and countdowns settle, fade-ins end
        onFx(() -> {
            // a touch for the idle timer: a kiosk left a minute on one screen would start over mid-series
            Event.fireEvent(
                    stage.getScene(),
                    new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT, true, false, false, false));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /** {@code count} free standard seats next to each other around a depth of the hall (0 front, 1 back). */
    private static List<String> middleSeats(MarqueeClient client, int count, double depth) {
        List<SeatView> seats = client.seatMap(showtime.id()).seats();
        int maxY = seats.stream().mapToInt(SeatView::y).max().orElse(0);
        int maxX = seats.stream().mapToInt(SeatView::x).max().orElse(0);
        double rowY = depth * maxY;
        double midX = maxX / 2.0;
        return seats.stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE && seat.type() == SeatType.STANDARD)
                .sorted(Comparator.comparingDouble(
                        seat -> Math.abs(seat.y() - rowY) * 1000 + Math.abs(seat.x() - midX)))
                .limit(count)
                .map(SeatView::id)
                .toList();
    }

    private static List<TicketRequest> adults(List<String> seatIds) {
        return seatIds.stream()
                .map(seat -> new TicketRequest(seat, TicketType.ADULT))
                .toList();
    }
}
