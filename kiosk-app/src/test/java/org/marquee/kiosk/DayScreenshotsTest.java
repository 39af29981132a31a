package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminholds.HoldsView;
import org.marquee.kiosk.adminholds.HoldsViewModel;
import org.marquee.kiosk.adminreports.ReportsView;
import org.marquee.kiosk.adminreports.ReportsViewModel;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.ManualClock;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeLiveHolds;
import org.marquee.kiosk.testing.FakeReports;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.LiveHold;
import org.marquee.model.PaymentMethod;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code docs/screenshots/admin-holds-*.png} and {@code admin-reports-*.png}: the day's two admin screens in their
 * shell, against the admin API's fakes filled as a Thursday evening at the demo's Cine Sol: four terminals holding
 * seats (one about to expire, one asked about for a force release) and a week of sales and shows.
 */
@ExtendWith(ApplicationExtension.class)
class DayScreenshotsTest {

    private static final int[][] SIZES = {{1920, 1080}, {1280, 800}};
    private static final List<Screen> SECTIONS = List.of(
            Screen.ADMIN_THEATERS,
            Screen.LAYOUT_EDITOR,
            Screen.ADMIN_MOVIES,
            Screen.SCHEDULE,
            Screen.ADMIN_PRICES,
            Screen.ADMIN_TERMINALS,
            Screen.ADMIN_STAFF,
            Screen.ADMIN_HOLDS,
            Screen.ADMIN_REPORTS,
            Screen.ADMIN_AUDIT);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Instant.parse("2026-12-03T18:40:00Z");

    private final List<Path> saved = new ArrayList<>();
    private Tasks tasks;

    @BeforeEach
    void setUp() {
        tasks = new Tasks(Platform::runLater);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theDaysScreensAtBothSizes() throws Exception {
        for (int[] size : SIZES) {
            String suffix = size[0] + "x" + size[1];
            Messages en = new Messages(Locale.ENGLISH);
            shoot("admin-holds-" + suffix, holds(en, false), size);
            shoot("admin-holds-release-" + suffix, holds(en, true), size);
            shoot("admin-reports-" + suffix, reports(en), size);
        }
        shoot("admin-reports-1280x800-es", reports(new Messages(Locale.of("es"))), SIZES[1]);
        assertThat(saved).hasSize(7).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    private record Shown(Callable<Parent> view, BooleanSupplier ready) {}

    private Shown holds(Messages messages, boolean asking) {
        AdminFakes admin = AdminFakes.demo();
        ManualClock clock = new ManualClock(NOW, MADRID);
        FakeLiveHolds holds = new FakeLiveHolds(clock, admin.audit());
        Instant evening = Instant.parse("2026-12-03T19:30:00Z");
        Instant late = Instant.parse("2026-12-03T21:45:00Z");
        LiveHold stuck = holds.add(
                1, 3, "Lobby kiosk 1", "The Long Night", evening, List.of("E7", "E8", "E9"), mins(6), secs(545));
        holds.add(1, 1, "Counter 1", "Paper Boats", evening, List.of("C4", "C5"), mins(2), secs(38));
        holds.add(1, 4, "Lobby kiosk 2", "The Long Night", late, List.of("H12"), mins(1), secs(412));
        holds.add(1, 2, "Counter 2", "Paper Boats", late, List.of("A1", "A2", "A3", "A4"), secs(20), secs(580));
        HoldsViewModel model = new HoldsViewModel(holds, admin.cinema(), tasks, messages, clock);
        boolean[] acted = {false};
        return new Shown(() -> inShell(Screen.ADMIN_HOLDS, messages, new HoldsView(model, messages)), () -> {
            if (model.holds().size() < 4 || model.workingProperty().get()) {
                return false;
            }
            if (asking && !acted[0]) {
                acted[0] = true;
                model.askRelease(stuck);
                model.reasonProperty().set("Customer left the kiosk without paying");
            }
            return true;
        });
    }

    private Shown reports(Messages messages) {
        AdminFakes admin = AdminFakes.demo();
        FakeReports reports = week();
        ReportsViewModel model =
                new ReportsViewModel(reports, admin.cinema(), tasks, messages, new ManualClock(NOW, MADRID), 1L);
        return new Shown(
                () -> inShell(Screen.ADMIN_REPORTS, messages, new ReportsView(model, messages)),
                () -> !model.workingProperty().get()
                        && !model.rows().isEmpty()
                        && !model.occupancy().isEmpty());
    }

    /** Monday to Thursday at Cine Sol: evenings busier than afternoons, cash and card, one refund, Wednesday's shows. */
    private static FakeReports week() {
        FakeReports reports = new FakeReports(Set.of(1L, 2L), "EUR");
        LocalDate monday = LocalDate.of(2026, 11, 30);
        String[] terminals = {"Counter 1", "Counter 2", "Lobby kiosk 1", "Lobby kiosk 2"};
        int[] ordersPerDay = {14, 9, 17, 6};
        for (int day = 0; day < 4; day++) {
            for (int i = 0; i < ordersPerDay[day]; i++) {
                boolean counter = i % 4 < 2;
                reports.sell(
                        1,
                        monday.plusDays(day),
                        i % 3 == 0 ? "Paper Boats" : "The Long Night",
                        i % 3 == 0 ? "17:00" : "20:30",
                        terminals[i % 4],
                        counter ? "Lucía" : null,
                        counter && i % 2 == 0 ? PaymentMethod.CASH : PaymentMethod.CARD,
                        1 + i % 3,
                        i % 3 == 0 ? 2 : 0,
                        day == 1 && i == 3 ? monday.plusDays(2) : null);
            }
        }
        reports.showtime(1, monday.plusDays(2), 41, "Paper Boats", Instant.parse("2026-12-02T16:00:00Z"), 80, 31, 0);
        reports.showtime(
                1, monday.plusDays(2), 42, "The Long Night", Instant.parse("2026-12-02T19:30:00Z"), 120, 94, 0);
        reports.showtime(1, monday.plusDays(2), 43, "Paper Boats", Instant.parse("2026-12-02T18:15:00Z"), 64, 12, 0);
        reports.showtime(
                1, monday.plusDays(2), 44, "The Long Night", Instant.parse("2026-12-02T21:45:00Z"), 120, 57, 0);
        return reports;
    }

    private static Duration mins(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration secs(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Parent inShell(Screen screen, Messages messages, Parent view) {
        return new AdminShell(
                SECTIONS,
                screen,
                view,
                new Navigator(),
                messages,
                new SimpleStringProperty(messages.get("admin.signedInAs", "Morgan Díaz")),
                () -> {});
    }

    private void shoot(String name, Shown shown, int[] size) throws Exception {
        Scene scene = onFx(() -> ModeStage.offscreen(shown.view().call(), Mode.ADMIN, false, size[0], size[1]));
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofMillis(100))
                .until(() -> onFx(() -> shown.ready().getAsBoolean()));
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
