package org.marquee.kiosk.shifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A clerk closes the shift with the keyboard alone: the expected cash, a slip refused in words, the variance. */
@ExtendWith(ApplicationExtension.class)
class ShiftViewTest {

    private FakeCashOffice office;
    private Navigator navigator;

    @Start
    void start(Stage stage) {
        office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T14:02:00Z"), ZoneOffset.UTC));
        office.openShift(15_000);
        office.cashSale(2_500);
        navigator = new Navigator();
        navigator.go(Screen.SHIFT);
        Tasks tasks = new Tasks(Platform::runLater);
        Messages messages = new Messages(Locale.ENGLISH);
        ShiftViewModel model = new ShiftViewModel(
                new ClerkShift(() -> office, tasks), navigator, Screen.SHOWTIMES, () -> {}, messages, ZoneId.of("UTC"));
        ShiftView view = new ShiftView(model, messages);
        model.start();
        ModeStage.show(stage, view, Mode.COUNTER, false, 1280, 800);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theClerkCountsTheDrawerAndReadsTheVariance(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(robot, "#shift-expected").equals("175.00"));
        assertThat(text(robot, "#shift-title")).isEqualTo("Close your shift");
        assertThat(text(robot, "#shift-float")).isEqualTo("150.00");
        assertThat(text(robot, "#shift-cash-sales")).isEqualTo("25.00");
        assertThat(robot.lookup("#shift-auto-opened").query().isVisible()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shift-amount").query().isFocused()).isTrue();

        robot.write("172.505").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> text(robot, "#shift-error").equals("At most two digits after the point, such as 150.25."));
        assertThat(office.currentShift())
                .as("nothing sent")
                .get()
                .satisfies(open -> assertThat(open.closedAt()).isNull());

        robot.type(KeyCode.BACK_SPACE).type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(robot, "#shift-variance").equals("2.50 short"));
        assertThat(text(robot, "#shift-title")).isEqualTo("Shift closed");
        assertThat(text(robot, "#shift-counted")).isEqualTo("172.50");
        assertThat(robot.lookup("#shift-variance").query().getStyleClass()).contains("short");
        assertThat(office.currentShift()).isEmpty();

        robot.type(KeyCode.ENTER); // "Done"
        await().atMost(Duration.ofSeconds(5)).until(() -> navigator.current() == Screen.SHOWTIMES);
    }
}
