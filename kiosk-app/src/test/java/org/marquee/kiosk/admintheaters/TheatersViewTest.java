package org.marquee.kiosk.admintheaters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A manager changes a theater's cleaning time: a wrong value is shown at its field, a right one is saved. */
@ExtendWith(ApplicationExtension.class)
class TheatersViewTest {

    private AdminFakes server;

    @Start
    void start(Stage stage) {
        server = AdminFakes.demo();
        Messages messages = new Messages(Locale.ENGLISH);
        TheatersView view = new TheatersView(
                new TheatersViewModel(server.cinema(), new Tasks(Platform::runLater), messages), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerChangesTheCleaningTimeOfATheater(FxRobot robot) {
        ListView<?> list = robot.lookup("#theaters-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 2);
        robot.clickOn("Cine Luna");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#theater-name").queryTextInputControl().getText())
                .isEqualTo("Cine Luna");

        robot.doubleClickOn("#theater-cleaning").eraseText(3).write("999");
        robot.clickOn("#theater-save");
        Label error = robot.lookup("#theater-cleaning-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("'cleaningMinutes' must be between 0 and 240.");
        assertThat(error.isVisible()).isTrue();

        robot.doubleClickOn("#theater-cleaning").eraseText(3).write("35").type(KeyCode.ENTER);
        Label notice = robot.lookup("#theater-notice").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !notice.getText().isEmpty());
        assertThat(notice.getText()).isEqualTo("Saved: Cine Luna.");
        assertThat(error.isVisible()).isFalse();
        TheaterSettings luna = server.cinema().theaters().get(1);
        assertThat(luna.cleaningMinutes()).isEqualTo(35);
        assertThat(luna.singleSeatRule()).isEqualTo(SingleSeatRule.ALL);
    }
}
