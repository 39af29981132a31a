package org.marquee.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;
import org.marquee.server.web.Json;

/**
 * Staff sessions through the API: signing in on a counter terminal, acting with the session token as the counter
 * terminal, signing out, expiry, a revoked terminal, and bad input. Wrong PINs and locks: {@link SessionLockTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionApiTest {

    static final String SESSION_ENDED = "This session has ended; sign in again.";

    private TestServer server;
    private Jdbi db;
    private ApiClient counter;

    @BeforeAll
    void start() {
        server = TestServer.start("sessions", TestServer.Options.defaults());
        db = server.jdbi();
        counter = server.counter();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String signInBody(String username, String pin) {
        return new String(Json.bytes(Map.of("username", username, "pin", pin)));
    }

    /** A staff member of its own for one test, so that tests never share failure counts. */
    static void addStaff(Jdbi db, String username, String role, String pin, boolean active) {
        db.useHandle(h -> h.createUpdate("insert into staff (username, display_name, role, pin_hash, active)"
                        + " values (:u, :d, :r, :h, :a)")
                .bind("u", username)
                .bind("d", "Test " + username)
                .bind("r", role)
                .bind("h", BCrypt.withDefaults().hashToString(4, pin.toCharArray()))
                .bind("a", active)
                .execute());
    }

    private String signIn(ApiClient terminal, String username, String pin) {
        Answer answer = terminal.post("/sessions", signInBody(username, pin));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("token").asText();
    }

    @Test
    void aClerkSignsInOnTheCounterAndActsForIt() {
        Instant before = Instant.now();
        Answer answer = counter.post("/sessions", signInBody("alice", "1234"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode session = answer.json();
        String token = session.path("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.path("role").asText()).isEqualTo("CLERK");
        assertThat(session.path("username").asText()).isEqualTo("alice");
        assertThat(session.path("displayName").asText()).isEqualTo("Alice Romero");
        Instant expiresAt = Instant.parse(session.path("expiresAt").asText());
        assertThat(expiresAt)
                .isBetween(
                        before.plus(Duration.ofHours(12)).minusSeconds(60),
                        Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));

        Map<String, Object> row = db.withHandle(h -> h.createQuery("select s.role, st.username, t.name as terminal"
                        + " from staff_sessions s join staff st on st.id = s.staff_id"
                        + " join terminals t on t.id = s.terminal_id where s.token_hash = :hash")
                .bind("hash", TokenHash.of(token))
                .mapToMap()
                .one());
        assertThat(row)
                .containsEntry("role", "CLERK")
                .containsEntry("username", "alice")
                .containsEntry("terminal", DemoFixture.COUNTER_TERMINAL);
        long stored = db.withHandle(h -> h.createQuery("select count(*) from staff_sessions where token_hash = :t")
                .bind("t", token)
                .mapTo(Long.class)
                .one());
        assertThat(stored).as("the token itself is never stored").isZero();

        ApiClient clerk = server.client(token);
        assertThat(clerk.get("/theaters").status()).isEqualTo(200);
        String body = "{\"showtimeId\": " + server.bigHallShowtime() + ", \"seatIds\": [\"C3\", \"C4\"]}";
        Answer hold = clerk.post("/holds", body);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String holdId = hold.json().path("holdId").asText();
        assertThat(clerk.get("/holds/" + holdId).status()).isEqualTo(200);
        Answer asTerminal = counter.get("/holds/" + holdId);
        assertThat(asTerminal.status())
                .as("the hold belongs to the counter terminal the clerk signed in on")
                .isEqualTo(200);
        assertThat(server.kiosk(1).get("/holds/" + holdId).status()).isEqualTo(403);
        assertThat(clerk.delete("/holds/" + holdId).status()).isEqualTo(204);
    }

    @Test
    void aManagerSignsInAsManager() {
        Answer answer = counter.post("/sessions", signInBody("morgan", "9999"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("role").asText()).isEqualTo("MANAGER");
        assertThat(server.client(answer.json().path("token").asText())
                        .get("/theaters")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyACounterTerminalMaySignSomeoneIn() {
        Answer kiosk = server.kiosk(1).post("/sessions", signInBody("alice", "1234"));
        assertThat(kiosk.status()).isEqualTo(403);
        assertThat(kiosk.errorCode()).isEqualTo("FORBIDDEN");

        ApiClient clerk = server.client(signIn(counter, "alice", "1234"));
        assertThat(clerk.post("/sessions", signInBody("morgan", "9999")).status())
                .as("a session token cannot start another session")
                .isEqualTo(403);
        assertThat(server.client(null)
                        .post("/sessions", signInBody("alice", "1234"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSessionAtOnce() {
        String token = signIn(counter, "alice", "1234");
        ApiClient clerk = server.client(token);
        assertThat(clerk.get("/theaters").status()).as("used, so remembered").isEqualTo(200);

        assertThat(clerk.delete("/sessions/current").status()).isEqualTo(204);

        Answer after = clerk.get("/theaters");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("error").path("message").asText()).isEqualTo(SESSION_ENDED);
        assertThat(clerk.delete("/sessions/current").status()).isEqualTo(401);
        boolean ended = db.withHandle(
                h -> h.createQuery("select ended_at is not null from staff_sessions where token_hash = :hash")
                        .bind("hash", TokenHash.of(token))
                        .mapTo(Boolean.class)
                        .one());
        assertThat(ended).isTrue();
        assertThat(counter.get("/theaters").status())
                .as("the terminal's own token still works")
                .isEqualTo(200);
    }

    @Test
    void aTerminalTokenHasNoSessionToEnd() {
        Answer answer = counter.delete("/sessions/current");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").path("message").asText()).contains("terminal's own token");
        assertThat(counter.get("/theaters").status()).isEqualTo(200);
    }

    @Test
    void anExpiredSessionIsRefused() {
        String token = signIn(counter, "morgan", "9999");
        db.useHandle(h -> h.createUpdate("update staff_sessions set expires_at = now() - interval '1 second'"
                        + " where token_hash = :hash")
                .bind("hash", TokenHash.of(token))
                .execute());

        Answer answer = server.client(token).get("/theaters");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").path("message").asText()).isEqualTo(SESSION_ENDED);
    }

    @Test
    void aSessionEndsWithItsTerminalOrItsStaffMember() {
        db.useHandle(h -> h.createUpdate("insert into terminals (name, kind, theater_id, token_hash)"
                        + " values ('counter-to-revoke', 'COUNTER', (select min(id) from theaters), :hash)")
                .bind("hash", TokenHash.of("counter-to-revoke"))
                .execute());
        String onRevoked = signIn(server.client("counter-to-revoke"), "alice", "1234");
        db.useHandle(h -> h.execute("update terminals set revoked_at = now() where name = 'counter-to-revoke'"));
        assertThat(server.client(onRevoked).get("/theaters").status()).isEqualTo(401);

        addStaff(db, "leaving", "CLERK", "5555", true);
        String ofLeaver = signIn(counter, "leaving", "5555");
        db.useHandle(h -> h.execute("update staff set active = false where username = 'leaving'"));
        Answer answer = server.client(ofLeaver).get("/theaters");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").path("message").asText()).isEqualTo(SESSION_ENDED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"pin\": \"1234\"}",
                "{\"username\": \"  \", \"pin\": \"1234\"}",
                "{\"username\": \"alice\"}",
                "{\"username\": \"alice\", \"pin\": \"\"}",
                "{\"username\": \"alice\", \"pin\": \"123\"}",
                "{\"username\": \"alice\", \"pin\": \"123456789\"}",
                "{\"username\": \"alice\", \"pin\": \"12a4\"}",
                "{\"username\": \"alice\", \"pin\": \" 1234\"}"
            })
    void invalidValuesAre422WithoutEchoingThePin(String body) {
        Answer answer = counter.post("/sessions", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.json().path("error").path("message").asText()).doesNotContain("123", "12a4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"username\": \"alice\", \"pin\": \"1234\"", "[]", "null", "{\"pin\": [1]}"})
    void malformedBodiesAre400(String body) {
        Answer answer = counter.post("/sessions", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }
}
