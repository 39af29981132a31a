package org.marquee.kiosk.layouteditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatState;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeAdmin;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager paints a layout with the mouse and the keys, saves it, and sees which sold seats block a change. */
@ExtendWith(ApplicationExtension.class)
class LayoutEditorViewTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Tasks tasks = new Tasks(Platform::runLater);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void aManagerPaintsALayoutAndSavesIt(FxRobot robot) {
        long hall = admin.addAuditorium(
                admin.theater().id(),
                "Sala 1",
                List.of("A:SSSSSSSSSS", "B:SSSSSSSSSS", "C:SSSSSSSSSS", "D:SSSSSSSSSS"));
        long showtime = admin.addShowtime(admin.movieList().getFirst().id(), hall, NOW.plus(Duration.ofDays(1)));
        admin.sell(showtime, false, "B10");
        LayoutEditorViewModel model = new LayoutEditorViewModel(
                admin, tasks, new Messages(Locale.ENGLISH), admin.theater().id());
        LayoutEditorView[] view = new LayoutEditorView[1];
        robot.interact(() -> {
            view[0] = new LayoutEditorView(model, new Messages(Locale.ENGLISH));
            ModeStage.show(stage, view[0], Mode.COUNTER, false, 1280, 800);
            model.load();
        });
        Fx.waitUntil(() -> view[0].preview().drawnState("B10") == SeatState.AVAILABLE);

        // premium across the front row: one drag
        robot.clickOn("#tool-premium");
        robot.drag(view[0].cellOnScreen(0, 0), MouseButton.PRIMARY)
                .moveTo(view[0].cellOnScreen(0, 3))
                .moveTo(view[0].cellOnScreen(0, 9))
                .release(MouseButton.PRIMARY);
        // an aisle: gap tool, one click per cell
        robot.clickOn("#tool-gap");
        robot.clickOn(view[0].cellOnScreen(2, 4)).clickOn(view[0].cellOnScreen(3, 4));
        // keys: a wheelchair space and its companion seat at the end of row C
        robot.clickOn(view[0].cellOnScreen(2, 8));
        robot.type(KeyCode.W).type(KeyCode.RIGHT).type(KeyCode.C);

        assertThat(model.draftProperty().get().rows())
                .containsExactly("A:PPPPPPPPPP", "B:SSSSSSSSSS", "C:SSSS.SSSWC", "D:SSSS.SSSSS");
        assertThat(Fx.text(robot, "#layout-summary")).isEqualTo("38 seats, 38 for sale, 4 rows");
        assertThat(view[0].preview().drawnState("C9")).isEqualTo(SeatState.AVAILABLE);

        // a typo in a row label shows at its row; undo puts it right
        robot.clickOn("#layout-row-label").write("A");
        robot.clickOn("#layout-rename-row");
        assertThat(Fx.text(robot, "#layout-error")).startsWith("Row 3: Row label A appears twice");
        assertThat(robot.lookup("#layout-save").queryButton().isDisabled()).isTrue();
        robot.clickOn("#layout-undo");
        assertThat(Fx.text(robot, "#layout-error")).isEmpty();

        robot.clickOn("#layout-save");
        Fx.waitUntil(() -> Fx.text(robot, "#layout-status").equals("Sala 1 saved: 38 seats."));
        assertThat(admin.auditorium(hall).layout())
                .containsExactly("A:PPPPPPPPPP", "B:SSSSSSSSSS", "C:SSSS.SSSWC", "D:SSSS.SSSSS");

        // B10 is sold for tomorrow: dropping the last column is refused, and says so
        robot.clickOn("#tool-standard");
        robot.clickOn(view[0].cellOnScreen(3, 9));
        robot.clickOn("#layout-remove-column");
        assertThat(model.draftProperty().get().rows().get(3)).isEqualTo("D:SSSS.SSSS");
        robot.clickOn("#layout-save");
        Fx.waitUntil(() -> !Fx.text(robot, "#layout-status").startsWith("Sala 1 saved")
                && !model.savingProperty().get());
        assertThat(Fx.text(robot, "#layout-status")).contains("B10").contains("sold or held");
        assertThat(Fx.text(robot, "#layout-blocking")).isEqualTo("Blocking the change (ringed on the grid): B10");
        assertThat(admin.auditorium(hall).layout()).hasSize(4).first().isEqualTo("A:PPPPPPPPPP");
    }
}
