package org.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.SessionView;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.persistence.StaffDao;
import org.marquee.server.auth.persistence.StaffSessionDao;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.Database;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.demo.persistence.DemoLoader;
import org.marquee.server.testing.TestPostgres;

/** The sign-in rules without HTTP: input checks, tokens, and a lock that lifts after its (here short) duration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionServiceTest {

    private static final Duration SHORT_LOCK = Duration.ofMillis(1500);

    private Database database;
    private SessionService sessions;
    private TerminalAuthenticator authenticator;
    private Principal counter;

    @BeforeAll
    void start() {
        database = Database.open(new DatabaseSettings(
                TestPostgres.newDatabase("session_service"), "postgres", "postgres", Path.of("unused"), 4));
        new DemoLoader(database.jdbi()).load(1);
        var jdbi = database.jdbi();
        authenticator =
                new TerminalAuthenticator(jdbi.onDemand(TerminalDao.class), jdbi.onDemand(StaffSessionDao.class));
        sessions = new SessionService(
                jdbi.onDemand(StaffDao.class), jdbi.onDemand(StaffSessionDao.class), authenticator, SHORT_LOCK);
        counter = authenticator.authenticate(DemoFixture.COUNTER_TERMINAL);
        assertThat(counter.role()).isEqualTo(Role.COUNTER);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "NULL, 1234, username' is missing",
                "'  ', 1234, username' is missing",
                "alice, NULL, pin' is missing",
                "alice, '', pin' is missing",
                "alice, 123, 4 to 8 digits",
                "alice, 123456789, 4 to 8 digits",
                "alice, 12.4, 4 to 8 digits",
                "alice, ١٢٣٤, 4 to 8 digits"
            })
    void badInputIsRefusedBeforeAnyLookUp(String username, String pin, String expected) {
        assertThatThrownBy(() -> SessionService.checkInput(username, pin))
                .isInstanceOfSatisfying(
                        MarqueeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining(expected);
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SessionService.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void aSessionActsAsItsCounterTerminalWithTheStaffRole() {
        SessionView view = sessions.signIn(counter, "morgan", "9999");

        Principal principal = authenticator.authenticate(view.token());
        assertThat(principal.role()).isEqualTo(Role.MANAGER);
        assertThat(principal.username()).isEqualTo("morgan");
        assertThat(principal.staffId()).isNotNull();
        assertThat(principal.terminalId()).isEqualTo(counter.terminalId());
        assertThat(principal.kind()).isEqualTo(TerminalKind.COUNTER);
        assertThat(principal.theaterId()).isEqualTo(counter.theaterId());
        assertThat(view.toString()).doesNotContain(view.token());

        sessions.end(principal, view.token());
        assertThatThrownBy(() -> authenticator.authenticate(view.token()))
                .hasMessage("This session has ended; sign in again.");
        assertThatThrownBy(() -> sessions.end(counter, DemoFixture.COUNTER_TERMINAL))
                .isInstanceOfSatisfying(
                        MarqueeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void theLockLiftsAfterItsDuration() throws InterruptedException {
        for (int i = 1; i < SessionService.MAX_FAILED_ATTEMPTS; i++) {
            assertThatThrownBy(() -> sessions.signIn(counter, "alice", "4321"))
                    .hasMessage(SessionService.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> sessions.signIn(counter, "alice", "4321"))
                .isInstanceOfSatisfying(
                        MarqueeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessageContaining("about a minute");
        assertThatThrownBy(() -> sessions.signIn(counter, "alice", "1234")).hasMessageContaining("locked");

        Thread.sleep(SHORT_LOCK.toMillis() + 300);

        assertThat(sessions.signIn(counter, "alice", "1234").role()).isEqualTo(Role.CLERK);
    }
}
