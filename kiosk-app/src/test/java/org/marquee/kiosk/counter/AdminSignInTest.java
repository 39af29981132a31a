package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeStaffDesk;
import org.marquee.model.Role;

/**
 * Signing in on an admin terminal, without the FX toolkit, against the sign-in's fake: a manager reaches the admin
 * screens, a clerk's right PIN is refused with a clear message and the session it opened is ended on the server.
 */
class AdminSignInTest {

    FakeStaffDesk desk;
    Tasks tasks;
    Navigator navigator;
    CounterSession session;
    LoginViewModel model;

    @BeforeEach
    void setUp() {
        desk = AdminFakes.demo().desk();
        tasks = new Tasks(UiThread.DIRECT);
        navigator = new Navigator();
        navigator.go(Screen.LOGIN);
        session = new CounterSession(
                () -> desk, tasks, navigator, new SaleSession(new FakeBoxOffice().terminal(), tasks), true);
        model = new LoginViewModel(session, tasks, new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void signIn(String user, String pin) {
        int before = model.attemptsProperty().get();
        model.usernameProperty().set(user);
        model.pinProperty().set(pin);
        model.signIn();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> model.attemptsProperty().get() > before);
    }

    @Test
    void aManagerStartsOnTheAdminScreens() {
        signIn("morgan", "9999");

        assertThat(session.isSignedIn()).isTrue();
        assertThat(session.roleProperty().get()).isEqualTo(Role.MANAGER);
        assertThat(navigator.current()).isEqualTo(Screen.ADMIN_THEATERS);
        assertThat(desk.token()).startsWith("session-morgan-");

        session.signOut();
        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isSignedIn());
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(desk.token()).isEqualTo(FakeStaffDesk.COUNTER_TOKEN);
        assertThat(desk.sessionsEnded()).hasSize(1);
    }

    @Test
    void aClerkIsRefusedClearlyAndTheirSessionIsEndedAtOnce() {
        signIn("alice", "1234");

        assertThat(model.errorProperty().get())
                .isEqualTo("Only a manager may sign in on this admin terminal. Clerks sign in at a counter terminal.");
        assertThat(session.isSignedIn()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(desk.token()).isEqualTo(FakeStaffDesk.COUNTER_TOKEN);
        assertThat(desk.sessionsEnded()).singleElement().asString().startsWith("session-alice-");
    }

    @Test
    void aWrongPinShowsTheServersWords() {
        signIn("morgan", "0000");
        assertThat(model.errorProperty().get()).isEqualTo("Unknown user or wrong PIN.");
        assertThat(desk.token()).isEqualTo(FakeStaffDesk.COUNTER_TOKEN);
    }
}
