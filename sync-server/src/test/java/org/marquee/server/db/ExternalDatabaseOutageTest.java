package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;
import org.marquee.server.testing.TestServer;

/**
 * A real PostgreSQL 15 crashing and restarting under a running server (DESIGN §10): every call that needs the
 * database answers 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} within 5 s, never 429 or 500, and the
 * server takes holds again by itself once the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseOutageTest {

    private ExternalPostgres postgres;
    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        FaultTests.assumePostgres15();
        postgres = ExternalPostgres.start();
        server = TestServer.startWith(
                FaultTests.settings(postgres.urlWithCredentials(), null, null, 4), FaultTests.options());
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownEveryCallIs503WithRetryAfterAndTheServerRecoversByItself() {
        ApiClient kiosk = server.kiosk(1);
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("A5"))).status())
                .isEqualTo(201);
        EventStream seats = EventStream.open(server.kiosk(6), showtime, null);
        assertThat(seats.next(Duration.ofSeconds(5)).name()).isEqualTo("hello");

        postgres.kill();
        Map<String, Answer> answers = new java.util.LinkedHashMap<>();
        List<String> slow = new ArrayList<>();
        for (String call : List.of(
                "GET /theaters",
                "GET /theaters/1/showtimes?date=2030-01-01",
                "GET /catalog/changes?since=0",
                "POST /holds",
                "GET /holds/00000000-0000-0000-0000-000000000000",
                "POST /sessions",
                "GET /health")) {
            long started = System.nanoTime();
            Answer answer = call(server.kiosk(2), call);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            answers.put(call, answer);
            if (took.compareTo(FaultTests.PROMISED) > 0) {
                slow.add(call + " took " + took);
            }
        }
        assertThat(slow).as("calls that waited longer than 5 s").isEmpty();
        answers.forEach((call, answer) -> {
            assertThat(answer.status()).as(call + ": " + answer.body()).isEqualTo(503);
            if (!call.equals("GET /health")) {
                assertThat(answer.errorCode()).as(call).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.header("Retry-After")).as(call).isNotBlank();
                assertThat(answer.json().path("error").path("message").asText())
                        .as(call)
                        .isNotBlank();
            }
        });

        postgres.startAgain();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(server.kiosk(3)
                                .post("/holds", holdBody(showtime, List.of("A9")))
                                .status())
                        .isEqualTo(201));
        assertThat(server.kiosk(3).get("/health").status()).isEqualTo(200);
        // changes announced while the LISTEN connection was down were missed: the terminal must reload its seat map
        assertThat(seats.next(Duration.ofSeconds(10), e -> e.name().equals("reload")))
                .as("a reload after the live-events connection came back")
                .isNotNull();
        seats.close();
    }

    @Test
    void connectionsEndedUnderTheServerNeverTurnIntoA500() {
        ApiClient kiosk = server.kiosk(4);
        assertThat(kiosk.get("/theaters").status()).isEqualTo(200);
        // as a restart of PostgreSQL or a failover does to every open session: admin_shutdown (57P01)
        postgres.superuser(statement ->
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'marquee'"));

        // reads and hold transactions on a connection that broke are tried once more on a fresh one
        Answer hold = kiosk.post("/holds", holdBody(showtime, List.of("B1")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);

        postgres.superuser(statement ->
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'marquee'"));
        // (a terminal whose token is already known: the token lookup itself is not one of the retried reads)
        Answer seats = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(seats.status()).as(seats.body()).isEqualTo(200);
    }

    private static Answer call(ApiClient client, String call) {
        String[] parts = call.split(" ", 2);
        return switch (parts[0]) {
            case "GET" -> client.get(parts[1]);
            case "POST" ->
                client.post(
                        parts[1],
                        parts[1].equals("/holds")
                                ? "{\"showtimeId\":1,\"seatIds\":[\"A2\"]}"
                                : "{\"username\":\"alice\",\"pin\":\"1234\"}");
            default -> throw new IllegalArgumentException(call);
        };
    }
}
