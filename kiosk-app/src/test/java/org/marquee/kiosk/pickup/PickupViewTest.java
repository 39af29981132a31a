package org.marquee.kiosk.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.showtimes.ShowtimesView;
import org.marquee.kiosk.showtimes.ShowtimesViewModel;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCatalog;
import org.marquee.kiosk.testing.FakePickupDesk;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.OrderStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A kiosk customer's pick-up, tapped through from the start screen as the shell swaps the screens: "Pick up tickets",
 * the code and e-mail typed the way people type them, the order shown, printed and mailed again, Back to the start; a
 * wrong code, a refunded order, and a kiosk slowed down after too many misses. Saves docs/screenshots/kiosk-pickup-start.png,
 * kiosk-pickup.png and kiosk-pickup-found.png.
 */
@ExtendWith(ApplicationExtension.class)
class PickupViewTest {

    private static final FakeBoxOffice office = new FakeBoxOffice();
    private static final FakeCatalog catalog = new FakeCatalog(office);

    @TempDir
    Path folder;

    private Stage stage;
    private Tasks tasks;
    private final Navigator navigator = new Navigator();
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final FakePickupDesk desk = new FakePickupDesk(Clock.systemUTC(), 2, Duration.ofSeconds(30));

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }

    /** The kiosk's start screen in a shell that shows the pick-up when asked and the start again after it. */
    private void showStart() {
        tasks = new Tasks(Platform::runLater);
        SaleSession sale = new SaleSession(office.terminal(), new Tasks(UiThread.DIRECT));
        long showtimeId = catalog.showtimes(1, java.time.LocalDate.now(FakeCatalog.MADRID))
                .getFirst()
                .id();
        robotInteract(() -> {
            BorderPane shell = new BorderPane();
            ShowtimesViewModel start = new ShowtimesViewModel(
                    catalog, tasks, navigator, sale, messages, 1L, Clock.system(FakeCatalog.MADRID));
            ShowtimesView showtimes = new ShowtimesView(start, navigator, Mode.KIOSK, messages);
            shell.setCenter(showtimes);
            navigator.currentProperty().addListener((obs, was, now) -> {
                if (now == Screen.PICKUP) {
                    shell.setCenter(new PickupView(
                            new PickupViewModel(
                                    desk,
                                    new TicketOutput(folder, () -> null),
                                    id -> id == showtimeId
                                            ? Optional.of("Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00")
                                            : Optional.empty(),
                                    tasks,
                                    navigator,
                                    messages,
                                    Clock.systemUTC()),
                            messages,
                            Mode.KIOSK));
                } else if (now == Screen.SHOWTIMES) {
                    if (shell.getCenter() instanceof PickupView pickup) {
                        pickup.close();
                    }
                    shell.setCenter(showtimes);
                }
            });
            ModeStage.show(stage, shell, Mode.KIOSK, false, 1280, 800);
        });
        desk.add(
                "K7QXPA",
                "lucia.perez@example.com",
                OrderStatus.PAID,
                showtimeId,
                "F7",
                "F8"); // a sale made online or at another kiosk
        desk.add("RFNDED", "ana@example.com", OrderStatus.REFUNDED, showtimeId, "G4");
    }

    @Test
    void fromTheStartScreenACustomerFindsPrintsAndMailsTheTicketsAndGoesBack(FxRobot robot) throws Exception {
        showStart();
        waitUntil(() -> robot.lookup("#pickup-button").tryQuery().isPresent());
        assertThat(text(robot, "#pickup-button")).isEqualTo("Pick up tickets");
        waitUntil(() -> robot.lookup(".showtime-button").tryQuery().isPresent());
        Snapshots.save(stage.getScene(), "kiosk-pickup-start");

        robot.clickOn("#pickup-button");
        waitUntil(() -> showing(robot, "#pickup-screen"));
        assertThat(showing(robot, "#pickup-order")).isFalse();
        assertThat(disabled(robot, "#pickup-find")).isTrue();
        // the code field has the focus: a customer (or an on-screen keyboard) types straight away
        waitUntil(() -> robot.lookup("#pickup-code").query().isFocused());
        Snapshots.save(stage.getScene(), "kiosk-pickup");

        robot.write("k7qx pa").type(KeyCode.ENTER); // Enter moves on to the e-mail
        robot.write("Lucia.Perez@Example.com").type(KeyCode.ENTER); // and there finds the order
        waitUntil(() -> showing(robot, "#pickup-order"));
        assertThat(text(robot, "#pickup-order-code")).isEqualTo("K7QXPA");
        assertThat(text(robot, "#pickup-showtime")).isEqualTo("Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00");
        assertThat(text(robot, "#pickup-seats")).isEqualTo("2 tickets · Row F, seat 7, Row F, seat 8");
        assertThat(text(robot, "#pickup-status")).isEqualTo("Paid: your tickets are ready");
        assertThat(showing(robot, "#pickup-error")).isFalse();
        Snapshots.save(stage.getScene(), "kiosk-pickup-found");

        robot.clickOn("#pickup-print");
        waitUntil(() -> text(robot, "#pickup-print-status").startsWith("This kiosk could not print"));
        assertThat(Files.exists(folder.resolve("marquee-K7QXPA.pdf"))).isTrue();
        robot.clickOn("#pickup-send");
        waitUntil(() -> text(robot, "#pickup-email-status").contains("on their way"));
        assertThat(desk.mailed()).containsExactly("Lucia.Perez@Example.com");

        robot.clickOn("#pickup-back");
        waitUntil(() -> navigator.current() == Screen.SHOWTIMES && showing(robot, "#pickup-button"));
    }

    @Test
    void aMissGetsOneMessageARefundPrintsNothingAndTooManyMissesShowTheWait(FxRobot robot) {
        showStart();
        robotInteract(() -> navigator.go(Screen.PICKUP));
        waitUntil(() -> showing(robot, "#pickup-screen"));

        robot.clickOn("#pickup-code").write("RFNDED");
        robot.clickOn("#pickup-email").write("ana@example.com");
        robot.clickOn("#pickup-find");
        waitUntil(() -> showing(robot, "#pickup-order"));
        assertThat(text(robot, "#pickup-status")).isEqualTo("Refunded");
        assertThat(text(robot, "#pickup-notice")).startsWith("This booking was refunded");
        assertThat(showing(robot, "#pickup-print")).isFalse();
        assertThat(showing(robot, "#pickup-send")).isFalse();

        robotInteract(() -> {
            lookupField(robot, "#pickup-code").setText("K7QXPA");
            lookupField(robot, "#pickup-email").setText("someone@example.com");
        });
        robot.clickOn("#pickup-find");
        waitUntil(() -> text(robot, "#pickup-error").startsWith("We could not find tickets for that code and e-mail."));
        assertThat(showing(robot, "#pickup-order")).isFalse();

        waitUntil(() -> !disabled(robot, "#pickup-find"));
        robot.clickOn("#pickup-find"); // the second miss: the limit of this desk
        waitUntil(() -> !disabled(robot, "#pickup-find"));
        robot.clickOn("#pickup-find");
        waitUntil(() -> text(robot, "#pickup-error").matches("Too many attempts — try again in (29|30) s"));
        assertThat(disabled(robot, "#pickup-find")).isTrue();
        waitUntil(() -> text(robot, "#pickup-error").matches("Too many attempts — try again in 2[0-8] s"));
        assertThat(desk.printed()).isEmpty();
    }

    private static javafx.scene.control.TextField lookupField(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
    }

    private static void robotInteract(Runnable work) {
        try {
            WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Waited 20 s in vain", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQueryAs(Labeled.class)
                .map(Labeled::getText)
                .orElse("");
    }

    private static boolean disabled(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class).isDisabled();
    }

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(PickupViewTest::shown).orElse(false);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
