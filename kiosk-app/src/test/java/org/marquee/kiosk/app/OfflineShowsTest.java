package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.showtimes.ShowtimeChoice;
import org.marquee.kiosk.testing.ServerProcess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Offline that shows" (issue 14, item 5) with a real server that stops and starts again: a kiosk left alone on its
 * showtimes shows the offline banner within seconds, its seat counts turn to "unknown offline", and both are back to
 * normal within seconds of the server's return. Nobody touches the terminal.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineShowsTest {

    private static ServerProcess server;
    private AppContext ctx;
    private MainWindow window;

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
        Path dataDir = Files.createTempDirectory("marquee-offline-shows");
        new SettingsStore(dataDir)
                .save(new Settings(server.url(), "demo-kiosk-1", Mode.KIOSK, Settings.ENGLISH, false));
        ctx = AppContext.open(dataDir, Platform::runLater);
        window = new MainWindow(ctx);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get();
        ctx.close();
    }

    private static List<String> seatTexts(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".showtime-button").queryAllAs(Button.class).stream()
                        .map(button -> ((ShowtimeChoice) button.getUserData()).seatsText())
                        .toList())
                .get();
    }

    @Test
    void anIdleShowtimesScreenShowsTheServerGoneAndBack(FxRobot robot) throws Exception {
        assertThat(ctx.navigator().current()).isEqualTo(Screen.SHOWTIMES);
        // tomorrow: none of its showtimes has started, so every one shows its seats (chosen again if the screen is
        // rebuilt meanwhile, as it is once the terminal learns its theater)
        String tomorrow = "#day-" + LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            WaitForAsyncUtils.asyncFx(() -> robot.lookup(tomorrow)
                            .tryQueryAs(javafx.scene.control.ToggleButton.class)
                            .filter(day -> !day.isSelected())
                            .ifPresent(javafx.scene.control.ToggleButton::fire))
                    .get();
            return seatTexts(robot).stream().anyMatch(text -> text.endsWith(" left"));
        });
        // the seat counts above come from the server; offline, the terminal shows its cached catalog, so the first
        // sync must have filled the cache before the server goes (CI once stopped it before: an empty list offline)
        await("the first catalog sync")
                .atMost(Duration.ofSeconds(30))
                .until(() -> WaitForAsyncUtils.asyncFx(
                                        () -> ctx.catalogRevisionProperty().get())
                                .get()
                        > 0);
        Label banner = robot.lookup("#offline-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();
        int port = server.port();

        server.close(); // nobody touches the terminal from here on
        Instant stopped = Instant.now();

        await().atMost(Duration.ofSeconds(10)).until(banner::isVisible);
        assertThat(Duration.between(stopped, Instant.now())).isLessThan(Duration.ofSeconds(8));
        await("every showtime's seats unknown offline")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !seatTexts(robot).isEmpty()
                        && seatTexts(robot).stream().allMatch(text -> text.equals("Free seats unknown offline")));

        server = ServerProcess.startOn(port);
        Instant back = Instant.now();

        await().atMost(Duration.ofSeconds(15)).until(() -> !banner.isVisible());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seatTexts(robot).stream().anyMatch(text -> text.endsWith(" left"))
                        && seatTexts(robot).stream().noneMatch(text -> text.contains("unknown")));
        assertThat(Duration.between(back, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }
}
