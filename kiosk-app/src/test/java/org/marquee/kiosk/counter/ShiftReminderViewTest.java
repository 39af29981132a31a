package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a clerk sees in the header with a shift open, and the reminder on signing out, by the keyboard alone: the
 * state and "Close shift · F7" in the bar, Ctrl+Shift+L reminds, Escape stays, Enter goes to close the shift, the key
 * twice signs out anyway.
 */
@ExtendWith(ApplicationExtension.class)
class ShiftReminderViewTest {

    private FakeCashOffice office;
    private Navigator navigator;
    private CounterSession session;
    private ClerkShift shift;

    @Start
    void start(Stage stage) {
        office = new FakeCashOffice(Clock.fixed(AdminFakes.NOW, ZoneOffset.UTC));
        office.openShift(15_000);
        office.cashSale(2_500);
        Tasks tasks = new Tasks(Platform::runLater);
        navigator = new Navigator();
        navigator.go(Screen.LOGIN);
        shift = new ClerkShift(() -> office, tasks);
        var desk = AdminFakes.demo().desk();
        session = new CounterSession(
                () -> desk, tasks, navigator, new SaleSession(new FakeBoxOffice().terminal(), tasks), false, shift);
        var messages = new SimpleObjectProperty<>(new Messages(Locale.ENGLISH));
        HBox header = new HBox(new SessionBar(session, messages));
        header.getStyleClass().add("app-header");
        VBox top = new VBox(header, new ShiftReminder(session, messages));
        StackPane screen = new StackPane(new Label("the screen"));
        VBox window = new VBox(top, screen);
        var scene = ModeStage.show(stage, window, Mode.COUNTER, false, 1280, 800);
        CounterShortcuts.install(scene, navigator, session);
        session.started(session.authenticate("alice", "1234"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).query().isVisible();
    }

    @Test
    void theClerkIsRemindedAndChoosesByKeys(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(robot, "#session-shift").equals("Shift open · float 150.00"));
        assertThat(text(robot, "#session-shift")).endsWith("float 150.00");
        assertThat(shown(robot, "#session-close-shift")).isTrue();
        assertThat(shown(robot, "#session-open-shift")).isFalse();
        assertThat(shown(robot, "#shift-reminder")).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#shift-reminder"));
        assertThat(text(robot, "#shift-reminder-text"))
                .isEqualTo("Your shift is still open: close it now or sign out anyway.");
        assertThat(text(robot, "#shift-reminder-detail")).startsWith("The drawer should hold 175.00.");
        assertThat(session.isSignedIn()).isTrue();

        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#shift-reminder"));
        assertThat(session.isSignedIn()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#shift-reminder"));
        robot.type(KeyCode.ENTER); // "Close it now"
        await().atMost(Duration.ofSeconds(5)).until(() -> navigator.current() == Screen.SHIFT);
        assertThat(shown(robot, "#shift-reminder")).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.isSignedIn());
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(office.currentShift()).as("signing out does not close it").isPresent();
    }
}
