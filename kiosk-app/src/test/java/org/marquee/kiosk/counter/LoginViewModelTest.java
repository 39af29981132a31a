package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.Role;

/** The clerk's sign-in and sign-out against a real server, without the FX toolkit. */
class LoginViewModelTest {

    private static ServerProcess server;

    private MarqueeClient client;
    private Tasks tasks;
    private Navigator navigator;
    private CounterSession session;
    private LoginViewModel model;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        client = new MarqueeClient(server.url(), CounterOrders.COUNTER_TOKEN);
        tasks = new Tasks(UiThread.DIRECT);
        navigator = new Navigator();
        navigator.go(Screen.LOGIN);
        session = new CounterSession(client, tasks, navigator, new SaleSession(client, tasks));
        model = new LoginViewModel(session, tasks, new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theRightPinSignsTheClerkInAndOpensTheShowtimes() {
        model.usernameProperty().set("alice");
        model.pinProperty().set("1234");
        assertThat(model.canSubmitProperty().get()).isTrue();

        signIn();

        assertThat(session.isSignedIn()).isTrue();
        assertThat(session.displayNameProperty().get()).isNotBlank();
        assertThat(session.usernameProperty().get()).isEqualTo("alice");
        assertThat(session.roleProperty().get()).isEqualTo(Role.CLERK);
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.pinProperty().get()).isEmpty();
        assertThat(client.token()).isNotEqualTo(CounterOrders.COUNTER_TOKEN);
        // the session may look orders up, which the terminal's own token may not: 404, not 403
        assertThatThrownBy(() -> client.findOrder("AAAAAA", null))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @Test
    void aWrongPinShowsTheServersMessageAndEmptiesThePin() {
        model.usernameProperty().set("alice");
        model.pinProperty().set("4321");

        signIn();

        assertThat(model.errorProperty().get()).isEqualTo("Unknown user or wrong PIN.");
        assertThat(model.pinProperty().get()).isEmpty();
        assertThat(model.usernameProperty().get()).isEqualTo("alice");
        assertThat(session.isSignedIn()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(client.token()).isEqualTo(CounterOrders.COUNTER_TOKEN);
    }

    @Test
    void fiveWrongPinsLockTheAccountEvenForTheRightPin() {
        // morgan, not alice: the lock lasts five minutes and the other tests sign alice in
        for (int attempt = 1; attempt <= 5; attempt++) {
            model.usernameProperty().set("morgan");
            model.pinProperty().set("1111");
            signIn();
            assertThat(model.errorProperty().get())
                    .isEqualTo(attempt < 5 ? "Unknown user or wrong PIN." : lockedMessage());
        }

        model.pinProperty().set("9999");
        signIn();

        assertThat(model.errorProperty().get()).isEqualTo(lockedMessage());
        assertThat(model.pinProperty().get()).isEmpty();
        assertThat(session.isSignedIn()).isFalse();
        assertThat(client.token()).isEqualTo(CounterOrders.COUNTER_TOKEN);
    }

    @Test
    void signingOutGoesBackToTheTerminalTokenWhichMayNotSell() {
        model.usernameProperty().set("alice");
        model.pinProperty().set("1234");
        signIn();
        String sessionToken = client.token();

        session.signOut();
        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isSignedIn());

        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(client.token()).isEqualTo(CounterOrders.COUNTER_TOKEN);
        assertThat(session.displayNameProperty().get()).isEmpty();
        assertThat(session.roleProperty().get()).isEqualTo(Role.COUNTER);
        assertThatThrownBy(() -> client.findOrder("AAAAAA", null))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(403));
        MarqueeClient ended = new MarqueeClient(server.url(), sessionToken);
        assertThatThrownBy(() -> ended.findOrder("AAAAAA", null))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(401));
    }

    @Test
    void theCountersGlobalKeysWorkOnlyWhileAClerkIsSignedIn() {
        var keys = CounterShortcuts.map(navigator, session);
        keys.get(CounterShortcuts.FIND_ORDER).run();
        keys.get(CounterShortcuts.NEW_SALE).run();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);

        model.usernameProperty().set("alice");
        model.pinProperty().set("1234");
        signIn();
        keys.get(CounterShortcuts.FIND_ORDER).run();
        assertThat(navigator.current()).isEqualTo(Screen.LOOKUP);
        keys.get(CounterShortcuts.NEW_SALE).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        keys.get(CounterShortcuts.SIGN_OUT).run();
        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isSignedIn());
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
    }

    @Test
    void aBlankUsernameOrAShortPinIsExplainedWithoutAskingTheServer() {
        model.usernameProperty().set(" ");
        model.pinProperty().set("1234");
        assertThat(model.canSubmitProperty().get()).isFalse();
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo("Type your username.");
        assertThat(model.pinProperty().get()).isEmpty();

        model.usernameProperty().set("alice");
        model.pinProperty().set("12");
        assertThat(model.canSubmitProperty().get()).isFalse();
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo("A PIN is 4 to 8 digits.");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerIsSaidInTheTerminalsLanguage() {
        MarqueeClient nowhere = new MarqueeClient("http://127.0.0.1:9", CounterOrders.COUNTER_TOKEN);
        CounterSession offline = new CounterSession(nowhere, tasks, navigator, new SaleSession(nowhere, tasks));
        LoginViewModel spanish = new LoginViewModel(offline, tasks, new Messages(Locale.of("es")));
        spanish.usernameProperty().set("alice");
        spanish.pinProperty().set("1234");

        spanish.signIn();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !spanish.workingProperty().get());

        assertThat(spanish.errorProperty().get()).startsWith("No se puede contactar con el servidor");
    }

    private static String lockedMessage() {
        return "This account is locked after 5 wrong PINs in a row. Try again in about 5 minutes, or ask a manager.";
    }

    private void signIn() {
        model.signIn();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }
}
