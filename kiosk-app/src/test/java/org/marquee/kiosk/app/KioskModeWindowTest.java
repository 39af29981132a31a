package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A kiosk set up for a server that is not there: full screen, kiosk styles, showtimes first, offline banner. */
@ExtendWith(ApplicationExtension.class)
class KioskModeWindowTest {

    AppContext ctx;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dataDir = Files.createTempDirectory("marquee-kiosk-window");
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        Settings kiosk = new Settings("http://127.0.0.1:" + unused, "demo-kiosk-1", Mode.KIOSK, "en", false);
        ctx = AppContext.open(new SettingsStore(dataDir), kiosk, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aKioskIsFullScreenWithLargeTargetsAndSaysItIsOffline(FxRobot robot) {
        assertThat(ctx.navigator().current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitHint()).isEmpty();
        assertThat(window.root().getStylesheets()).anyMatch(url -> url.endsWith("/kiosk.css"));
        assertThat(window.root().getStyleClass()).contains("mode-kiosk");

        Label banner = robot.lookup("#offline-banner").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(banner::isVisible);
        assertThat(robot.lookup("#terminal-name").queryLabeled().getText())
                .contains("Kiosk")
                .as("a customer is never shown the server's address")
                .doesNotContain("127.0.0.1");
        assertThat(robot.lookup("#language-en")
                        .queryAs(javafx.scene.control.ToggleButton.class)
                        .getHeight())
                .isGreaterThanOrEqualTo(48);
    }
}
