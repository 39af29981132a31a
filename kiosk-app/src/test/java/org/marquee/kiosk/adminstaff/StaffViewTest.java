package org.marquee.kiosk.adminstaff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager resets a clerk's PIN, and is told plainly that the last manager cannot be deactivated. */
@ExtendWith(ApplicationExtension.class)
class StaffViewTest {

    private AdminFakes server;

    @Start
    void start(Stage stage) {
        server = AdminFakes.demo();
        Messages messages = new Messages(Locale.ENGLISH);
        StaffView view =
                new StaffView(new StaffViewModel(server.desk(), new Tasks(Platform::runLater), messages), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerResetsAPinAndCannotDeactivateTheLastManager(FxRobot robot) {
        ListView<?> list = robot.lookup("#staff-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 2);
        robot.clickOn("Alice Romero (alice)");
        robot.clickOn("#staff-pin").write("24680");
        robot.clickOn("#staff-save");
        Label notice = robot.lookup("#staff-notice").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !notice.getText().isEmpty());
        assertThat(notice.getText()).isEqualTo("Saved: Alice Romero, with the new PIN.");
        assertThat(server.desk().pinOpens("alice", "24680")).isTrue();
        assertThat(robot.lookup("#staff-pin").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("Morgan Díaz (morgan)");
        robot.clickOn("#staff-toggle-active");
        Label error = robot.lookup("#staff-form-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Not changed: this is the last active manager.");
        assertThat(error.isVisible()).isTrue();
        assertThat(server.desk().pinOpens("morgan", "9999")).isTrue();
    }
}
