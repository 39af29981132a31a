package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminaudit.AuditView;
import org.marquee.kiosk.adminmovies.MoviesView;
import org.marquee.kiosk.adminprices.PricePlansView;
import org.marquee.kiosk.adminstaff.StaffView;
import org.marquee.kiosk.adminterminals.TerminalsView;
import org.marquee.kiosk.admintheaters.TheatersView;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wiring of the admin mode in the whole window: it starts on the sign-in, and each admin screen is built inside
 * the admin shell with its navigation. The server here is unreachable, so a screen says so where it shows errors.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreensTest {

    private AppContext ctx;
    private MainWindow window;

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    /** Opened in the test, not in {@code @Start}: opening the cache may outlast TestFX's setup timeout here. */
    private void open() throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-admin-screens");
        Settings admin = new Settings("http://127.0.0.1:9", "counter-token", Mode.ADMIN, Settings.ENGLISH, false);
        onFx(() -> {
            ctx = AppContext.open(new SettingsStore(dataDir), admin, Platform::runLater);
            window = new MainWindow(ctx);
            window.show(stage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            onFx(() -> {
                window.close();
                return null;
            });
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void anAdminTerminalStartsOnTheSignInAndBuildsEveryAdminScreenInTheShell(FxRobot robot) throws Exception {
        open();
        assertThat(ctx.navigator().current()).isEqualTo(Screen.LOGIN);
        assertThat(robot.lookup(".counter-subtitle").queryAs(Label.class).getText())
                .startsWith("Only managers sign in here");
        assertThat(ctx.counterSession().managersOnly()).isTrue();

        Map<Screen, Class<?>> expected = Map.ofEntries(
                Map.entry(Screen.ADMIN_HOLDS, org.marquee.kiosk.adminholds.HoldsView.class),
                Map.entry(Screen.ADMIN_REPORTS, org.marquee.kiosk.adminreports.ReportsView.class),
                Map.entry(Screen.ADMIN_THEATERS, TheatersView.class),
                Map.entry(Screen.LAYOUT_EDITOR, org.marquee.kiosk.layouteditor.LayoutEditorView.class),
                Map.entry(Screen.SCHEDULE, org.marquee.kiosk.schedule.ScheduleView.class),
                Map.entry(Screen.ADMIN_MOVIES, MoviesView.class),
                Map.entry(Screen.ADMIN_PRICES, PricePlansView.class),
                Map.entry(Screen.ADMIN_TERMINALS, TerminalsView.class),
                Map.entry(Screen.ADMIN_STAFF, StaffView.class),
                Map.entry(Screen.ADMIN_AUDIT, AuditView.class),
                Map.entry(Screen.ADMIN_CASH, org.marquee.kiosk.adminshifts.CashShiftsView.class),
                Map.entry(Screen.ADMIN_REFUNDS, org.marquee.kiosk.adminrefunds.FailedRefundsView.class));
        for (Screen screen : AdminScreens.SECTIONS) {
            onFx(() -> {
                ctx.navigator().go(screen);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Parent shown = onFx(() -> (Parent) window.root().getChildrenUnmodifiable().stream()
                    .filter(AdminShell.class::isInstance)
                    .findFirst()
                    .orElseThrow());
            assertThat(((AdminShell) shown).content()).isInstanceOf(expected.get(screen));
        }
        // the audit log asked the unreachable server: it says so instead of failing silently
        onFx(() -> {
            ctx.navigator().go(Screen.ADMIN_AUDIT);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#audit-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("The server cannot be reached");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
