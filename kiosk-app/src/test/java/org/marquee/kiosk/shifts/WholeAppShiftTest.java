package org.marquee.kiosk.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.app.AppContext;
import org.marquee.kiosk.app.MainWindow;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ServerProcess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A clerk's shift through the whole application and a real server, by keys alone: F6 opens it with a float, the
 * sign-out reminds, Enter goes to close it, the count gives the variance, and with the shift closed the sign-out is
 * immediate.
 */
@ExtendWith(ApplicationExtension.class)
class WholeAppShiftTest {

    private static final int PORT = 21212;
    private static ServerProcess server;

    private AppContext ctx;
    private MainWindow window;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.startOn(PORT);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-counter-shift");
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

    private static void signOutKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    @Test
    void aClerkOpensTheShiftIsRemindedAtSignOutAndClosesIt(FxRobot robot) {
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.LOGIN);
        robot.clickOn("#login-username").write("alice");
        robot.type(KeyCode.ENTER);
        robot.write("1234").type(KeyCode.ENTER);
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.SHOWTIMES);
        Fx.waitUntil(() -> Fx.text(robot, "#session-shift").equals("No shift open"));

        robot.type(KeyCode.F6);
        Fx.waitUntil(() -> Fx.showing(robot, "#shift-amount")
                && robot.lookup("#shift-amount").query().isFocused());
        assertThat(Fx.text(robot, "#shift-title")).isEqualTo("Open your shift");
        robot.write("100").type(KeyCode.ENTER);
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.SHOWTIMES);
        Fx.waitUntil(() -> Fx.text(robot, "#session-shift").equals("Shift open · float 100.00"));

        signOutKey(robot);
        Fx.waitUntil(() -> Fx.showing(robot, "#shift-reminder"));
        assertThat(ctx.counterSession().isSignedIn()).isTrue();
        robot.type(KeyCode.ENTER);
        Fx.waitUntil(() -> Fx.showing(robot, "#shift-expected")
                && Fx.text(robot, "#shift-expected").equals("100.00"));
        Fx.waitUntil(() -> robot.lookup("#shift-amount").query().isFocused());
        robot.write("99.50").type(KeyCode.ENTER);
        Fx.waitUntil(() -> Fx.showing(robot, "#shift-variance")
                && Fx.text(robot, "#shift-variance").equals("0.50 short"));
        Fx.waitUntil(() -> Fx.text(robot, "#session-shift").equals("No shift open"));

        signOutKey(robot);
        Fx.waitUntil(() -> ctx.navigator().current() == Screen.LOGIN
                && !ctx.counterSession().isSignedIn());
        assertThat(Fx.showing(robot, "#shift-reminder")).isFalse();
    }
}
