package org.marquee.kiosk.adminterminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.AdminTerminal;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manager adds a kiosk, sees its token and QR code once, then revokes another terminal after confirming.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalsViewTest {

    private AdminFakes server;

    @Start
    void start(Stage stage) {
        server = AdminFakes.demo();
        Messages messages = new Messages(Locale.ENGLISH);
        TerminalsView view = new TerminalsView(
                new TerminalsViewModel(server.desk(), server.cinema(), new Tasks(Platform::runLater), messages),
                messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerAddsAKioskAndSeesItsTokenOnce(FxRobot robot) {
        ListView<?> list = robot.lookup("#terminals-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 2);
        robot.clickOn("#terminal-name").write("Lobby kiosk 2");
        robot.clickOn("#terminal-add");

        Node issued = robot.lookup("#terminal-issued").query();
        await().atMost(Duration.ofSeconds(10)).until(issued::isVisible);
        AdminTerminal created = server.desk().terminals().getLast();
        String token = robot.lookup("#terminal-token").queryTextInputControl().getText();
        assertThat(server.desk().tokenWorks(token)).isTrue();
        assertThat(robot.lookup("#terminal-enrollment").queryTextInputControl().getText())
                .isEqualTo("marquee://enroll?server=https://box.example&token=" + token);
        assertThat(EnrollmentQrTest.decode(
                        robot.lookup("#terminal-qr").queryAs(ImageView.class).getImage()))
                .as("the QR code shown, scanned")
                .isEqualTo("marquee://enroll?server=https://box.example&token=" + token);
        assertThat(robot.lookup("#terminal-form").query().isVisible()).isFalse();
        assertThat(created.name()).isEqualTo("Lobby kiosk 2");

        robot.clickOn("#terminal-token-done");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(issued.isVisible()).isFalse();
        assertThat(robot.lookup("#terminal-token").queryTextInputControl().getText())
                .isEmpty();
        assertThat(robot.lookup("#terminal-form").query().isVisible()).isTrue();

        robot.clickOn("Counter 1");
        robot.clickOn("#terminal-revoke");
        assertThat(robot.lookup("#terminal-confirm-text").queryLabeled().getText())
                .startsWith("Revoke Counter 1?");
        robot.clickOn("#terminal-confirm");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.desk().terminals().getFirst().revokedAt() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#terminal-revoke").query().isDisabled()).isTrue();
    }
}
