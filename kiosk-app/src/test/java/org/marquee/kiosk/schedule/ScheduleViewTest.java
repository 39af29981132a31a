package org.marquee.kiosk.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeAdmin;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.ShowtimeStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager adds a series, sees its clash before saving, moves it, saves it, and cancels a showtime. */
@ExtendWith(ApplicationExtension.class)
class ScheduleViewTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private final FakeAdmin admin = FakeAdmin.madrid(Clock.fixed(NOW, MADRID));
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
    void aManagerAddsASeriesSeesTheClashAndCancelsAShowtime(FxRobot robot) {
        long hall = admin.addAuditorium(admin.theater().id(), "Sala 1", List.of("A:SSSS", "B:SSSS"));
        long wednesday = admin.addShowtime(
                admin.movieList().getFirst().id(),
                hall,
                LocalDate.of(2026, 12, 2)
                        .atTime(LocalTime.of(19, 0))
                        .atZone(MADRID)
                        .toInstant());
        admin.sell(wednesday, false, "A1", "A2");
        ScheduleViewModel model = new ScheduleViewModel(
                admin,
                admin,
                tasks,
                new Messages(Locale.ENGLISH),
                admin.theater().id(),
                Clock.fixed(NOW, MADRID));
        robot.interact(() -> {
            ModeStage.show(
                    stage, new ScheduleView(model, new Messages(Locale.ENGLISH)), Mode.COUNTER, false, 1280, 800);
            model.load();
        });
        Fx.waitUntil(() -> robot.lookup("#block-" + wednesday).tryQuery().isPresent());

        robot.clickOn("#schedule-series");
        for (String day : List.of("MON", "TUE", "THU", "FRI", "SAT", "SUN")) {
            robot.clickOn("#day-" + day);
        }
        replace(robot, "#schedule-times", "18:00");

        assertThat(Fx.text(robot, "#schedule-clash"))
                .isEqualTo("1 new showtime clashes with: The Long Voyage Wed 2 Dec 19:00. Choose other times before"
                        + " saving.");
        assertThat(clash(robot, "#block-" + wednesday)).isTrue();
        assertThat(robot.lookup("#schedule-save").queryButton().isDisabled()).isTrue();

        replace(robot, "#schedule-times", "21:30");
        assertThat(Fx.text(robot, "#schedule-clash")).isEmpty();
        assertThat(clash(robot, "#block-" + wednesday)).isFalse();
        robot.clickOn("#schedule-save");
        Fx.waitUntil(() -> Fx.text(robot, "#schedule-status").equals("1 showtime added."));
        assertThat(admin.allShowtimes()).hasSize(2);

        // the keyboard reaches a showtime too: focus it, Enter chooses it
        robot.interact(() -> robot.lookup("#block-" + wednesday).query().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(Fx.text(robot, "#schedule-selected")).startsWith("The Long Voyage\n2026-12-02 at 19:00\n2 sold");
        robot.clickOn("#schedule-reason").write("Projector broken");
        robot.clickOn("#schedule-cancel");
        Fx.waitUntil(() -> Fx.text(robot, "#schedule-cancel-summary").equals("Refunded orders: 1. Holds released: 0."));
        assertThat(admin.showtime(wednesday).status()).isEqualTo(ShowtimeStatus.CANCELLED);
    }

    private static void replace(FxRobot robot, String query, String text) {
        robot.clickOn(query)
                .press(KeyCode.CONTROL)
                .press(KeyCode.A)
                .release(KeyCode.A)
                .release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE).write(text);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean clash(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass("clash"));
    }
}
