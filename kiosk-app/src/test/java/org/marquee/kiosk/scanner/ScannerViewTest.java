package org.marquee.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.cache.DoorCache;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeDoors;
import org.marquee.kiosk.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the usher sees: a reader "types" a token and Enter, the screen turns green with the seat, then red with why;
 * the counter counts. Saves docs/screenshots/scanner-green.png and scanner-red.png.
 */
@ExtendWith(ApplicationExtension.class)
class ScannerViewTest {

    private static final Instant NOW = Instant.parse("2026-11-30T19:40:00Z");

    @TempDir
    Path dir;

    private Stage stage;
    private DoorCache cache;
    private Tasks tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (tasks != null) {
            tasks.close();
        }
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void aScanTurnsTheScreenGreenWithTheSeatThenRedWithWhy(FxRobot robot) throws Exception {
        FakeDoors server = new FakeDoors(NOW.plusSeconds(20 * 60));
        cache = DoorCache.open(dir);
        tasks = new Tasks(javafx.application.Platform::runLater);
        AtomicInteger beeps = new AtomicInteger();
        ZoneId zone = ZoneId.of("Europe/Madrid");
        var model = new ScannerViewModel(
                server.door("door-2"),
                cache,
                tasks,
                beeps::incrementAndGet,
                Clock.fixed(NOW, ZoneOffset.UTC),
                zone,
                1,
                "door-2",
                new Messages(Locale.ENGLISH));
        robot.interact(() -> {
            stage.setScene(new Scene(new ScannerView(model, new Messages(Locale.ENGLISH), zone, () -> {}), 1024, 680));
            stage.show();
            model.start();
        });
        org.awaitility.Awaitility.await()
                .until(() -> text(robot, "#scanner-counter").contains("of 120 sold"));

        robot.clickOn("#scanner-input")
                .write(server.ticket(51, "F7", FakeDoors.SHOWTIME))
                .type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#scanner-headline")).isEqualTo("ADMITTED");
        assertThat(text(robot, "#scanner-seat")).isEqualTo("Seat F7");
        assertThat(text(robot, "#scanner-counter")).isEqualTo("Admitted here 1 of 120 sold");
        assertThat(robot.lookup("#scanner-verdict")
                        .query()
                        .getPseudoClassStates()
                        .toString())
                .contains("green");
        assertThat(text(robot, "#scanner-input")).isEmpty();
        Snapshots.save(stage.getScene(), "scanner-green");

        robot.write(server.ticket(51, "F7", FakeDoors.SHOWTIME)).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#scanner-headline")).isEqualTo("NOT ADMITTED");
        assertThat(text(robot, "#scanner-why")).isEqualTo("Already admitted at 20:40 by door-2");
        assertThat(robot.lookup("#scanner-verdict")
                        .query()
                        .getPseudoClassStates()
                        .toString())
                .contains("red");
        assertThat(beeps).hasValue(1);
        Snapshots.save(stage.getScene(), "scanner-red");
    }

    private static String text(FxRobot robot, String query) {
        var node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : ((javafx.scene.control.TextField) node).getText();
    }
}
