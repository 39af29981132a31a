package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminrefunds.FailedRefundsView;
import org.marquee.kiosk.adminrefunds.FailedRefundsViewModel;
import org.marquee.kiosk.adminshifts.CashShiftsView;
import org.marquee.kiosk.adminshifts.CashShiftsViewModel;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.counter.LoginViewModel;
import org.marquee.kiosk.counter.SessionBar;
import org.marquee.kiosk.counter.ShiftReminder;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.shifts.ShiftView;
import org.marquee.kiosk.shifts.ShiftViewModel;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.CashShift;
import org.marquee.model.FailedRefund;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code docs/screenshots/}: the clerk's shift at the counter (closing with the expected cash, the variance after, the
 * reminder on signing out) under the window's header, and the managers' cash shifts and failed refunds inside the
 * admin shell, at 1280 × 800, against the cash fake.
 */
@ExtendWith(ApplicationExtension.class)
class CashScreenshotsTest {

    private static final int[] SIZE = {1280, 800};
    private static final Instant NOW = Instant.parse("2026-11-30T21:40:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private final List<Path> saved = new ArrayList<>();
    private Tasks tasks;
    private FakeCashOffice office;

    @BeforeEach
    void setUp() {
        tasks = new Tasks(Platform::runLater);
        office = new FakeCashOffice(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theCashScreens() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.of("es"))) {
            String suffix = locale.getLanguage().equals("en") ? "" : "-es";
            Messages messages = new Messages(locale);
            office = new FakeCashOffice(Clock.fixed(NOW, ZoneOffset.UTC));
            office.openShift(15_000);
            office.cashSale(8_450);
            office.cashSale(2_200);
            office.cashRefund(1_100);
            Counter counter = counter(messages);
            ShiftViewModel closing = counter.shiftScreen();
            shoot("counter-shift-close" + suffix, counter.window(new ShiftView(closing, messages)), () -> {
                if (closing.stepProperty().get() != ShiftViewModel.Step.CLOSING) {
                    return false;
                }
                closing.amountProperty().set("238.00");
                return true;
            });
            onFx(() -> {
                closing.submit();
                return null;
            });
            shoot(
                    "counter-shift-closed" + suffix,
                    counter.window(new ShiftView(closing, messages)),
                    () -> closing.stepProperty().get() == ShiftViewModel.Step.CLOSED);

            office.cashSale(1_500); // the clerk sells on: a cash sale opens a shift with float 0
            Counter next = counter(messages);
            shoot("counter-shift-reminder" + suffix, next.window(new Label()), () -> {
                if (!next.shift.isOpen()) {
                    return false;
                }
                if (!next.session.remindingProperty().get()) {
                    next.session.signOut();
                }
                return next.session.remindingProperty().get();
            });
        }

        Messages en = new Messages(Locale.ENGLISH);
        office = new FakeCashOffice(Clock.fixed(NOW, ZoneOffset.UTC));
        office.record(shift(101, "alice", "Counter 1", "2026-11-30T08:55:00Z", 15_000, 41_050, 40_800L));
        office.record(shift(102, "bruno", "Counter 2", "2026-11-30T09:30:00Z", 10_000, 22_500, 22_500L));
        office.record(shift(103, "carla", "Counter 1", "2026-11-30T15:02:00Z", 15_000, 31_720, 31_820L));
        office.record(shift(104, "dario", "Counter 3", "2026-11-30T16:10:00Z", 0, 4_300, null));
        CashShiftsViewModel cash =
                new CashShiftsViewModel(office, tasks, en, 1, NOW.atZone(ZONE).toLocalDate(), ZONE);
        shoot(
                "admin-cash-shifts",
                shell(Screen.ADMIN_CASH, en, new CashShiftsView(cash, en)),
                () -> cash.rows().size() == 4);

        FailedRefund dune = refund("K7Q2XM", "Dune: Part Two", "2026-11-30T19:00:00Z", 2_200, "0019", 3);
        office.refused(dune);
        office.refused(refund("P4ZT9A", "Wicked", "2026-11-30T17:15:00Z", 1_850, "4242", 1));
        office.refused(refund("H2MB7C", "Paddington in Peru", "2026-11-29T16:30:00Z", 3_300, "5100", 6));
        FailedRefundsViewModel refunds = new FailedRefundsViewModel(office, tasks, en, 1L, ZONE);
        boolean[] asked = {false};
        shoot("admin-failed-refunds", shell(Screen.ADMIN_REFUNDS, en, new FailedRefundsView(refunds, en)), () -> {
            if (refunds.refunds().size() != 3) {
                return false;
            }
            if (!asked[0]) {
                asked[0] = true;
                refunds.selectedProperty().set(dune);
                refunds.askPayOut();
            }
            return refunds.confirmingProperty().get() != null;
        });
        assertThat(saved).hasSize(8).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    /** A clerk signed in at a counter, with the header the main window shows. */
    private final class Counter {
        final Navigator navigator = new Navigator();
        final ClerkShift shift = new ClerkShift(() -> office, tasks);
        final Messages messages;
        final CounterSession session;

        Counter(Messages messages) throws Exception {
            this.messages = messages;
            var desk = AdminFakes.demo().desk();
            session = onFx(() -> new CounterSession(
                    () -> desk,
                    tasks,
                    navigator,
                    new SaleSession(new FakeBoxOffice().terminal(), tasks),
                    false,
                    shift));
            LoginViewModel login = new LoginViewModel(session, tasks, messages);
            onFx(() -> {
                login.usernameProperty().set("alice");
                login.pinProperty().set("1234");
                login.signIn();
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> onFx(session::isSignedIn));
        }

        ShiftViewModel shiftScreen() throws Exception {
            ShiftViewModel model =
                    new ShiftViewModel(shift, navigator, Screen.SHOWTIMES, session::signOut, messages, ZONE);
            onFx(() -> {
                model.start();
                return null;
            });
            return model;
        }

        Callable<Parent> window(Parent screen) {
            return () -> {
                Label terminal =
                        new Label(messages.get("app.terminal", messages.get("app.mode.counter"), "box.cine-sol.es"));
                terminal.getStyleClass().add("terminal-name");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox header = new HBox(terminal, spacer, new SessionBar(session, new SimpleObjectProperty<>(messages)));
                header.getStyleClass().add("app-header");
                header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                BorderPane window = new BorderPane(screen);
                window.setTop(new VBox(header, new ShiftReminder(session, new SimpleObjectProperty<>(messages))));
                return window;
            };
        }
    }

    private Counter counter(Messages messages) throws Exception {
        return new Counter(messages);
    }

    private Callable<Parent> shell(Screen screen, Messages messages, Parent content) {
        return () -> new AdminShell(
                List.of(
                        Screen.ADMIN_THEATERS,
                        Screen.LAYOUT_EDITOR,
                        Screen.ADMIN_MOVIES,
                        Screen.SCHEDULE,
                        Screen.ADMIN_PRICES,
                        Screen.ADMIN_TERMINALS,
                        Screen.ADMIN_STAFF,
                        Screen.ADMIN_AUDIT,
                        Screen.ADMIN_CASH,
                        Screen.ADMIN_REFUNDS),
                screen,
                content,
                new Navigator(),
                messages,
                new SimpleStringProperty(messages.get("admin.signedInAs", "Morgan Díaz")),
                () -> {});
    }

    private static CashShift shift(
            long id, String user, String terminal, String opened, long floatMinor, long expected, Long counted) {
        Instant at = Instant.parse(opened);
        return new CashShift(
                id,
                id,
                user,
                1,
                terminal,
                at,
                floatMinor,
                expected - floatMinor + 500,
                500,
                expected,
                counted == null ? null : at.plus(Duration.ofHours(6)),
                counted,
                counted == null ? null : counted - expected);
    }

    private static FailedRefund refund(
            String code, String title, String startsAt, long amount, String card, int attempts) {
        return new FailedRefund(
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                code,
                12,
                title,
                Instant.parse(startsAt),
                amount,
                "EUR",
                card,
                "ana@example.com",
                attempts,
                NOW.minus(Duration.ofHours(attempts)),
                NOW.plus(Duration.ofMinutes(15L * attempts)),
                "refund refused by the card provider");
    }

    private void shoot(String name, Callable<Parent> view, BooleanSupplier ready) throws Exception {
        Scene scene = onFx(() -> ModeStage.offscreen(view.call(), Mode.COUNTER, false, SIZE[0], SIZE[1]));
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(100)).until(() -> onFx(ready::getAsBoolean));
        Thread.sleep(300);
        onFx(() -> {
            ModeStage.layout(scene);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        saved.add(Snapshots.save(scene, name));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
