package org.marquee.kiosk.adminshifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager reads the day's drawers, sees which did not balance, and steps back a day. */
@ExtendWith(ApplicationExtension.class)
class CashShiftsViewTest {

    @Start
    void start(Stage stage) {
        FakeCashOffice office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
        office.record(CashShiftsViewModelTest.shift(
                101, "alice", "Counter 1", "2026-11-30T09:00:00Z", 15_000, 41_000, 40_750L));
        office.record(CashShiftsViewModelTest.shift(
                102, "bruno", "Counter 2", "2026-11-30T10:30:00Z", 10_000, 22_500, 22_500L));
        office.record(
                CashShiftsViewModelTest.shift(104, "alice", "Counter 1", "2026-11-29T09:00:00Z", 15_000, 30_000, null));
        Messages messages = new Messages(Locale.ENGLISH);
        CashShiftsViewModel model = new CashShiftsViewModel(
                office, new Tasks(Platform::runLater), messages, 1, CashShiftsViewModelTest.DAY, ZoneId.of("UTC"));
        ModeStage.show(stage, new CashShiftsView(model, messages), Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void theRowThatDidNotBalanceIsHighlightedAndTheDayBeforeIsOneClickAway(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<ShiftRow> table = robot.lookup("#cash-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(ShiftRow::variance).containsExactly("2.50 short", "Balanced");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup(".table-row-cell").queryAll().stream()
                                .filter(row -> row.getPseudoClassStates().contains(CashShiftsView.OFF))
                                .count()
                        == 1);
        Node highlighted = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(row -> row.getPseudoClassStates().contains(CashShiftsView.OFF))
                .findFirst()
                .orElseThrow();
        assertThat(robot.from(highlighted).lookup("2.50 short").tryQuery()).isPresent();
        assertThat(robot.lookup("#cash-summary").queryAs(Label.class).getText())
                .isEqualTo("Shifts: 2 · still open: 0 · not balanced: 1 · in all: 2.50 short");

        robot.clickOn("#cash-previous");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> table.getItems().size() == 1
                        && table.getItems().getFirst().closed().equals("still open"));
        assertThat(robot.lookup("#cash-summary").queryAs(Label.class).getText())
                .isEqualTo("Shifts: 1 · still open: 1 · not balanced: 0");
    }
}
