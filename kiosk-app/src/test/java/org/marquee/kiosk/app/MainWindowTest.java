package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window around the screens on a terminal not set up yet: header toggles, styles, and screens that fail. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    Path dataDir;
    AppContext ctx;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataDir = Files.createTempDirectory("marquee-main-window");
        ctx = AppContext.open(dataDir, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aTerminalNotSetUpStartsOnSetupWithCounterStylesAndNoBanner(FxRobot robot) {
        assertThat(ctx.navigator().current()).isEqualTo(Screen.SETUP);
        assertThat(robot.lookup("#setup-server").tryQuery()).isPresent();
        assertThat(robot.lookup("#offline-banner").queryAs(Label.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#busy").query().isVisible()).isFalse();
        assertThat(sheets()).containsExactly("base.css", "counter.css");
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(window.root().getStyleClass()).contains("mode-counter");
    }

    @Test
    void theLanguageToggleRebuildsTheScreenInSpanishAndRemembersIt(FxRobot robot) {
        robot.clickOn("#language-es");

        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("Configurar este terminal");
        assertThat(robot.lookup("#offline-banner").queryAs(Label.class).getText())
                .startsWith("Sin conexión");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> new SettingsStore(dataDir)
                        .load()
                        .map(s -> s.language().equals("es"))
                        .orElse(false));

        robot.clickOn("#language-en");

        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("Set up this terminal");
    }

    @Test
    void highContrastAddsItsStylesheetAndIsRemembered(FxRobot robot) {
        robot.clickOn("#high-contrast");

        assertThat(sheets()).containsExactly("base.css", "counter.css", "high-contrast.css");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> new SettingsStore(dataDir)
                        .load()
                        .map(s -> s.highContrast())
                        .orElse(false));

        robot.clickOn("#high-contrast");

        assertThat(sheets()).containsExactly("base.css", "counter.css");
    }

    @Test
    void everyScreenCanBeVisitedWithoutBreakingTheWindow(FxRobot robot) {
        for (Screen screen : Screen.values()) {
            robot.interact(() -> ctx.navigator().go(screen));

            Parent center = (Parent) ((javafx.scene.layout.BorderPane) window.root()).getCenter();
            assertThat(center).as("view of %s", screen).isNotNull();
        }
        robot.interact(() -> ctx.navigator().go(Screen.SETUP));
        assertThat(robot.lookup("#setup-server").tryQuery()).isPresent();
    }

    @Test
    void theFocusStartsOnTheScreenNotOnTheHeadersToggles(FxRobot robot) {
        org.marquee.kiosk.checkout.Fx.waitUntil(() -> stage.getScene().getFocusOwner() != null);
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("setup-server");

        robot.clickOn("#high-contrast").type(javafx.scene.input.KeyCode.ENTER);

        assertThat(sheets()).as("Enter does not undo high contrast").contains("high-contrast.css");
        assertThat(stage.getScene().getFocusOwner().getId()).isNotEqualTo("high-contrast");
        robot.clickOn("#high-contrast").type(javafx.scene.input.KeyCode.SPACE);
        assertThat(sheets()).as("nor does Space turn it on again").doesNotContain("high-contrast.css");
    }

    private java.util.List<String> sheets() {
        return window.root().getStylesheets().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .toList();
    }
}
