package org.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.auth.SessionApiTest.addStaff;
import static org.marquee.server.auth.SessionApiTest.signInBody;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Wrong PINs: one answer for a wrong PIN and an unknown user, five in a row lock the account (also when they arrive
 * at once), the lock lifts, and no PIN or token ever reaches the log or the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLockTest {

    private TestServer server;
    private Jdbi db;
    private ApiClient counter;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    void start() {
        logged.start();
        root().addAppender(logged);
        server = TestServer.start("session_locks", TestServer.Options.defaults());
        db = server.jdbi();
        counter = server.counter();
    }

    @AfterAll
    void stop() {
        server.close();
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private Answer signIn(String username, String pin) {
        return counter.post("/sessions", signInBody(username, pin));
    }

    private static String message(Answer answer) {
        return answer.json().path("error").path("message").asText();
    }

    private Map<String, Object> lockOf(String username) {
        return db.withHandle(h -> h.createQuery(
                        "select failed_attempts, locked_until > now() as locked" + " from staff where username = :u")
                .bind("u", username)
                .mapToMap()
                .one());
    }

    @Test
    void aWrongPinAndAnUnknownUserGetTheSameAnswer() {
        addStaff(db, "wrongpin", "CLERK", "1357", true);
        addStaff(db, "retired", "CLERK", "1357", false);

        Answer wrongPin = signIn("wrongpin", "7531");
        Answer unknown = signIn("nobody-here", "7531");
        Answer inactive = signIn("retired", "1357");

        for (Answer answer : List.of(wrongPin, unknown, inactive)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(message(answer)).isEqualTo("Unknown user or wrong PIN.");
            assertThat(answer.json().path("error").path("details").size()).isZero();
        }
        assertThat(lockOf("wrongpin")).containsEntry("failed_attempts", 1);
        assertThat(signIn("wrongpin", "1357").status()).isEqualTo(201);
        assertThat(lockOf("wrongpin")).as("a right PIN resets the count").containsEntry("failed_attempts", 0);
    }

    @Test
    void fiveWrongPinsInARowLockTheAccountUntilTheLockLifts() {
        addStaff(db, "locked", "CLERK", "2468", true);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("locked", "0000").status()).isEqualTo(401);
        }

        Answer fifth = signIn("locked", "0000");
        assertThat(fifth.status()).as(fifth.body()).isEqualTo(403);
        assertThat(fifth.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(message(fifth)).contains("locked", "about 5 minutes");
        assertThat(fifth.json()
                        .path("error")
                        .path("details")
                        .path("retryAfterSeconds")
                        .asLong())
                .isBetween(290L, 300L);

        Answer rightPin = signIn("locked", "2468");
        assertThat(rightPin.status())
                .as("even the right PIN is refused while locked")
                .isEqualTo(403);
        assertThat(message(rightPin)).contains("locked");
        assertThat(lockOf("locked")).containsEntry("failed_attempts", 5).containsEntry("locked", true);

        db.useHandle(h ->
                h.execute("update staff set locked_until = now() - interval '1 second' where username = 'locked'"));
        Answer afterLock = signIn("locked", "2468");
        assertThat(afterLock.status()).as(afterLock.body()).isEqualTo(201);
        assertThat(lockOf("locked")).containsEntry("failed_attempts", 0);
    }

    @Test
    void aLockThatRanOutGivesFiveNewTries() {
        addStaff(db, "again", "CLERK", "8642", true);
        for (int i = 1; i <= 5; i++) {
            signIn("again", "0000");
        }
        db.useHandle(
                h -> h.execute("update staff set locked_until = now() - interval '1 second' where username = 'again'"));

        assertThat(signIn("again", "0000").status()).isEqualTo(401);
        assertThat(lockOf("again")).containsEntry("failed_attempts", 1);
    }

    @Test
    void eightWrongPinsAtOnceStillLock() throws Exception {
        addStaff(db, "racer", "CLERK", "9753", true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String pin = "1111000" + i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return signIn("racer", pin);
                }));
            }
            go.countDown();
            for (Future<Answer> future : futures) {
                assertThat(future.get().status()).isIn(401, 403);
            }
        }

        Map<String, Object> lock = lockOf("racer");
        assertThat((Integer) lock.get("failed_attempts")).isGreaterThanOrEqualTo(5);
        assertThat(lock).containsEntry("locked", true);
        assertThat(signIn("racer", "9753").status()).isEqualTo(403);
    }

    @Test
    void pinsAndTokensNeverReachTheLogNorTheDatabase() {
        String pin = "86420975";
        addStaff(db, "secretive", "MANAGER", pin, true);
        logged.list.clear();

        assertThat(signIn("secretive", "86420976").status()).isEqualTo(401);
        assertThat(signIn(pin, pin).status()).as("a PIN typed as the username").isEqualTo(401);
        Answer signedIn = counter.post("/sessions", signInBody("secretive", pin), "Idempotency-Key", "sign-in-1");
        assertThat(signedIn.status()).isEqualTo(201);
        String token = signedIn.json().path("token").asText();
        assertThat(server.client(token).delete("/sessions/current").status()).isEqualTo(204);

        List<ILoggingEvent> events = List.copyOf(logged.list);
        assertThat(events)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("event=session_started") && line.contains("username=secretive"))
                .noneMatch(line -> line.contains(pin) || line.contains("86420976") || line.contains(token));
        assertThat(events)
                .flatExtracting(event -> event.getArgumentArray() == null
                        ? List.of()
                        : Arrays.stream(event.getArgumentArray())
                                .map(String::valueOf)
                                .toList())
                .doesNotContain(pin, "86420976", token);

        String hash = db.withHandle(h -> h.createQuery("select pin_hash from staff where username = 'secretive'")
                .mapTo(String.class)
                .one());
        assertThat(hash).isNotEqualTo(pin).startsWith("$2").doesNotContain(pin);
        long tokenRows = db.withHandle(h -> h.createQuery("select count(*) from staff_sessions where token_hash = :t")
                .bind("t", token)
                .mapTo(Long.class)
                .one());
        assertThat(tokenRows).isZero();
        long remembered =
                db.withHandle(h -> h.createQuery("select count(*) from idempotency_keys where key = 'sign-in-1'")
                        .mapTo(Long.class)
                        .one());
        assertThat(remembered)
                .as("a sign-in answer (the token) is never kept for replay")
                .isZero();
    }
}
