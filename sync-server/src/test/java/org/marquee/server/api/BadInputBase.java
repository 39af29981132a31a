package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** What every bad-input test shares: one server, a snapshot of what could change, and the error-body checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputBase {

    protected TestServer server;
    protected Jdbi db;
    protected ApiClient kiosk;
    protected long showtime;

    /** What a bad request must leave alone: holds, seat claims, and the seat map the terminals see. */
    record State(long holds, long activeHolds, long claimVersion, long claimedSeats, long seatMapVersion) {}

    @BeforeAll
    void start() {
        server = TestServer.start("bad_input", TestServer.Options.defaults());
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        db = server.jdbi();
        kiosk = server.kiosk(1);
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @AfterEach
    void serverStillAnswers() {
        Answer health = server.client(null).get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type").startsWith("application/json");
        assertThat(answer.errorCode()).as("code of %s", answer.body()).isEqualTo(code);
        String message = answer.json().path("error").path("message").asText();
        assertThat(message)
                .as("message")
                .isNotBlank()
                .hasSizeLessThan(300)
                .matches("(?s)^['A-Z].*[.!?]$")
                .doesNotContainPattern("(?i)exception|throwable|stack ?trace|jackson|jetty|javalin")
                .doesNotContainPattern("\\b(java|javax|org|com|io|sun)\\.[a-z]")
                .doesNotContainPattern("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b")
                .doesNotContainPattern("\\$|\\bat [a-z]+\\.|\\n");
        assertThat(answer.body())
                .doesNotContainPattern("(?i)exception|\\bat (java|org|io|com)\\.")
                .doesNotContain("org.marquee");
    }

    protected State state() {
        State stored = db.withHandle(h -> h.createQuery("""
                        select (select count(*) from holds),
                               (select count(*) from holds where status = 'ACTIVE'),
                               (select coalesce(max(version), 0) from seat_claims),
                               (select count(*) from seat_claims where state <> 'FREE')""")
                .map((rs, ctx) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0))
                .one());
        Answer seatMap = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(seatMap.status()).isEqualTo(200);
        long version = seatMap.json().path("version").asLong();
        return new State(stored.holds(), stored.activeHolds(), stored.claimVersion(), stored.claimedSeats(), version);
    }

    protected void assertUnchanged(State before) {
        assertThat(state())
                .as("holds, seat claims and seat map after a refused request")
                .isEqualTo(before);
    }

    protected long holdsOf(long showtimeId) {
        return db.withHandle(h -> h.createQuery("select count(*) from holds where showtime_id = :s")
                .bind("s", showtimeId)
                .mapTo(Long.class)
                .one());
    }

    protected String hold(ApiClient client, List<String> seats) {
        Answer answer = client.post("/holds", holdBody(showtime, seats));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    /** What a refused request must not change about a hold: everything but the server's clock. */
    protected static List<JsonNode> facts(JsonNode hold) {
        return List.of(hold.path("status"), hold.path("seatIds"), hold.path("expiresAt"), hold.path("createdAt"));
    }
}
