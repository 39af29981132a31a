package org.marquee.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.app.AppContext;
import org.marquee.kiosk.app.MainWindow;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.ServerProcess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A first start as a person sees it: the setup screen, typed into and clicked, against a real server. */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {

    static ServerProcess server;

    Path dataDir;
    AppContext ctx;
    MainWindow window;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("marquee-setup-view");
        ctx = AppContext.open(dataDir, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aFirstStartAsksForTheServerThenSyncsAndMovesOn(FxRobot robot) {
        assertThat(ctx.navigator().current()).isEqualTo(Screen.SETUP);

        robot.clickOn("#setup-server").write(server.url());
        robot.clickOn("#setup-token").write("demo-counter-1");
        robot.clickOn("#setup-mode-counter");
        robot.clickOn("#setup-connect");

        await().atMost(Duration.ofSeconds(20)).until(() -> ctx.navigator().current() == Screen.LOGIN);
        assertThat(new SettingsStore(dataDir).load())
                .contains(new Settings(server.url(), "demo-counter-1", Mode.COUNTER, "en", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> ctx.cache().counts().theaters() == 3);
        assertThat(robot.lookup("#setup-server").tryQuery()).isEmpty();
        assertThat(robot.lookup("#terminal-name").queryLabeled().getText())
                .contains("Counter")
                .contains("127.0.0.1");
    }

    @Test
    void aWrongTokenShowsWhyAndStaysOnSetup(FxRobot robot) {
        robot.clickOn("#setup-server").write(server.url());
        robot.clickOn("#setup-token").write("wrong-token");
        robot.clickOn("#setup-connect");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> robot.lookup("#setup-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#setup-error").queryAs(Label.class).getText())
                .contains("not known or has been revoked");
        assertThat(ctx.navigator().current()).isEqualTo(Screen.SETUP);
        assertThat(ctx.isConfigured()).isFalse();
        assertThat(new SettingsStore(dataDir).load()).isEmpty();
    }
}
