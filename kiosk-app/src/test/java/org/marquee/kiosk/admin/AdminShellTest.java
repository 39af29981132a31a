package org.marquee.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.ModeStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A manager moves between admin screens with the mouse and the keyboard, and signs out, in Spanish. */
@ExtendWith(ApplicationExtension.class)
class AdminShellTest {

    private static final List<Screen> SECTIONS =
            List.of(Screen.ADMIN_THEATERS, Screen.ADMIN_MOVIES, Screen.ADMIN_STAFF, Screen.ADMIN_AUDIT);

    private final Navigator navigator = new Navigator();
    private final AtomicInteger signedOut = new AtomicInteger();

    @Start
    void start(Stage stage) {
        navigator.go(Screen.ADMIN_MOVIES);
        AdminShell shell = new AdminShell(
                SECTIONS,
                Screen.ADMIN_MOVIES,
                new Label("the movies screen"),
                navigator,
                new Messages(Locale.of("es")),
                new SimpleStringProperty("Sesión iniciada: Morgan Díaz"),
                signedOut::incrementAndGet);
        ModeStage.show(stage, shell, Mode.ADMIN, true, 1280, 800);
    }

    @Test
    void entriesShowTheCurrentScreenAndMoveOnClickOrKeys(FxRobot robot) {
        assertThat(robot.lookup("#admin-nav-movies").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#admin-nav-movies").queryAs(ToggleButton.class).getText())
                .isEqualTo("_Películas");
        assertThat(robot.lookup("#admin-nav-theaters")
                        .queryAs(ToggleButton.class)
                        .isSelected())
                .isFalse();
        assertThat(robot.lookup("#admin-who").queryLabeled().getText()).isEqualTo("Sesión iniciada: Morgan Díaz");

        robot.clickOn("#admin-nav-movies"); // the current one: stays, goes nowhere
        assertThat(robot.lookup("#admin-nav-movies").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(navigator.current()).isEqualTo(Screen.ADMIN_MOVIES);

        robot.clickOn("#admin-nav-staff");
        assertThat(navigator.current()).isEqualTo(Screen.ADMIN_STAFF);

        robot.clickOn("the movies screen");
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigator.current()).isEqualTo(Screen.ADMIN_STAFF); // the next one after movies
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigator.current()).isEqualTo(Screen.ADMIN_THEATERS);

        robot.clickOn("#admin-sign-out");
        assertThat(signedOut.get()).isEqualTo(1);
    }
}
