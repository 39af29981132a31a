package org.marquee.kiosk.adminaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeAuditTrail;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.AuditEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager looks up who changed the staff, then pages back through the log. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private FakeAuditTrail audit;

    @Start
    void start(Stage stage) {
        audit = AdminFakes.demo().audit();
        for (int i = 0; i < 70; i++) {
            audit.recordAt(
                    Instant.parse("2026-11-01T09:00:00Z").plusSeconds(3600L * i),
                    i % 2 == 0 ? "morgan" : "lucia",
                    i % 7 == 0 ? "STAFF_UPDATED" : "THEATER_UPDATED");
        }
        Messages messages = new Messages(Locale.ENGLISH);
        AuditView view = new AuditView(new AuditViewModel(audit, new Tasks(Platform::runLater), messages), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerFiltersAndPages(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<AuditEntry> table = robot.lookup("#audit-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == AuditViewModel.PAGE);
        assertThat(robot.lookup("#audit-page").queryLabeled().getText()).isEqualTo("Page 1");

        robot.clickOn("#audit-older");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        robot.lookup("#audit-page").queryLabeled().getText().equals("Page 2"));
        assertThat(table.getItems().getLast().id()).isEqualTo(1);
        assertThat(robot.lookup("#audit-older").query().isDisabled()).isTrue();

        robot.clickOn("#audit-action").write("STAFF_UPDATED");
        robot.clickOn("#audit-actor").write("morgan");
        robot.clickOn("#audit-search");
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 5);
        assertThat(table.getItems())
                .allSatisfy(entry -> assertThat(entry.actor().username()).isEqualTo("morgan"));
        assertThat(robot.lookup("#audit-page").queryLabeled().getText()).isEqualTo("Page 1");
    }
}
