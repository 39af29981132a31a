package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.ServerProcess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a clerk sees and types at the counter's sign-in, against a real server. */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {

    private static ServerProcess server;

    private MarqueeClient client;
    private Navigator navigator;
    private CounterSession session;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        client = new MarqueeClient(server.url(), CounterOrders.COUNTER_TOKEN);
        Tasks tasks = new Tasks(Platform::runLater);
        navigator = new Navigator();
        navigator.go(Screen.LOGIN);
        session = new CounterSession(client, tasks, navigator, new SaleSession(client, tasks));
        Messages messages = new Messages(Locale.ENGLISH);
        Scene scene = ModeStage.show(
                stage,
                new LoginView(new LoginViewModel(session, tasks, messages), messages),
                Mode.COUNTER,
                false,
                1280,
                800);
        CounterShortcuts.install(scene, navigator, session);
    }

    @Test
    void aliceTypesHerPinAndEnterSignsHerIn(FxRobot robot) {
        robot.clickOn("#login-username").write("alice");
        robot.type(KeyCode.ENTER); // moves on to the PIN
        assertThat(robot.lookup("#login-pin").queryAs(PasswordField.class).isFocused())
                .isTrue();
        robot.write("1234").type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> session.signedInProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(session.usernameProperty().get()).isEqualTo("alice");
        assertThat(robot.lookup("#login-pin").queryAs(PasswordField.class).getText())
                .isEmpty();
        assertThat(client.token()).isNotEqualTo(CounterOrders.COUNTER_TOKEN);

        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigator.current()).isEqualTo(Screen.LOOKUP);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !session.signedInProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(client.token()).isEqualTo(CounterOrders.COUNTER_TOKEN);
    }

    @Test
    void thePinFieldIsMaskedTakesDigitsOnlyAndAWrongPinShowsTheServersMessage(FxRobot robot) {
        Button submit = robot.lookup("#login-submit").queryButton();
        assertThat(submit.isDisabled()).isTrue();
        robot.clickOn("#login-username").write("alice");
        robot.clickOn("#login-pin").write("12x7y4");
        PasswordField pin = robot.lookup("#login-pin").queryAs(PasswordField.class);
        assertThat(pin.getText()).isEqualTo("1274");
        assertThat(submit.isDisabled()).isFalse();

        robot.type(KeyCode.ENTER);

        Label error = robot.lookup("#login-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !error.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.getText()).isEqualTo("Unknown user or wrong PIN.");
        assertThat(error.isVisible()).isTrue();
        assertThat(pin.getText()).isEmpty();
        assertThat(pin.isFocused()).isTrue();
        assertThat(session.signedInProperty().get()).isFalse();
    }
}
