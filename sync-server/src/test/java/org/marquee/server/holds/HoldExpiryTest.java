package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Invariant 3: an expired hold frees its seats at once for everyone, with no sweeper running. Holds here live two
 * seconds, and the background sweeper is off for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldExpiryTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start(
                "expiry",
                TestServer.Options.defaults()
                        .holdTtl(TTL, Duration.ofSeconds(6))
                        .kiosks(40)
                        .withoutSweeper());
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anExpiredHoldsSeatsGoToTheNextTerminalWithoutAnySweep() {
        ApiClient first = server.kiosk(1);
        ApiClient second = server.kiosk(2);
        JsonNode hold =
                first.post("/holds", holdBody(showtime, List.of("D1", "D2"))).json();
        String holdId = hold.path("holdId").asText();

        Answer tooEarly = second.post("/holds", holdBody(showtime, List.of("D2", "D3")));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.seatIds()).containsExactly("D2");
        assertThat(statusOnSeatMap("D1")).isEqualTo("HELD");

        sleepUntilExpired(hold);

        assertThat(statusOnSeatMap("D1"))
                .as("the seat map shows it free, unswept")
                .isEqualTo("AVAILABLE");
        Answer taken = second.post("/holds", holdBody(showtime, List.of("D2", "D3")));
        assertThat(taken.status()).isEqualTo(201);
        assertThat(storedStatus(holdId)).as("nothing swept the first hold").isEqualTo("ACTIVE");
        assertThat(first.get("/holds/" + holdId).json().path("status").asText()).isEqualTo("EXPIRED");
        assertThat(first.post("/holds/" + holdId + "/extend", null).errorCode()).isEqualTo("HOLD_EXPIRED");
        assertThat(first.put("/holds/" + holdId + "/seats", seatsBody(Set.of("D1")))
                        .errorCode())
                .isEqualTo("HOLD_EXPIRED");
        // releasing what already expired changes nothing, and above all not the seat someone else holds now
        assertThat(first.delete("/holds/" + holdId).status()).isEqualTo(204);
        assertThat(statusOnSeatMap("D2")).isEqualTo("HELD");
    }

    @Test
    void theSeatMapVersionMovesWhenAHoldLapsesUnswept() {
        Answer hold = server.kiosk(3).post("/holds", holdBody(showtime, List.of("E1")));
        String etag = server.kiosk(4).get("/showtimes/" + showtime + "/seats").header("ETag");

        sleepUntilExpired(hold.json());

        Answer after = server.kiosk(4).get("/showtimes/" + showtime + "/seats", "If-None-Match", etag);
        assertThat(after.status())
                .as("a client with the old version must get the new map")
                .isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(statusOnSeatMap("E1")).isEqualTo("AVAILABLE");
    }

    @Test
    void takeOversRacingTheExpiryNeverOverlapTheOwnersExtension() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<String> seats = List.of("G" + (round * 2 + 1), "G" + (round * 2 + 2));
            ApiClient owner = server.kiosk(5);
            JsonNode hold = owner.post("/holds", holdBody(showtime, seats)).json();
            String holdId = hold.path("holdId").asText();
            Instant expiresAt = Instant.parse(hold.path("expiresAt").asText());
            long expiresInMillis = Duration.between(
                            Instant.parse(hold.path("serverTime").asText()), expiresAt)
                    .toMillis();
            long raceStart = System.nanoTime() + (expiresInMillis - 300) * 1_000_000L;
            long raceEnd = raceStart + 900_000_000L;
            List<JsonNode> wins = Collections.synchronizedList(new ArrayList<>());
            List<JsonNode> extensions = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                pool.submit(() -> {
                    waitUntil(raceStart + 250_000_000L);
                    // the owner asks for more time right at the boundary, over and over
                    while (System.nanoTime() < raceEnd) {
                        Answer extend = owner.post("/holds/" + holdId + "/extend", null);
                        if (extend.status() == 200) {
                            extensions.add(extend.json());
                        }
                    }
                    return null;
                });
                for (int i = 10; i < 40; i++) {
                    ApiClient rival = server.kiosk(i);
                    pool.submit(() -> {
                        waitUntil(raceStart);
                        while (System.nanoTime() < raceEnd) {
                            Answer answer = rival.post("/holds", holdBody(showtime, seats));
                            if (answer.status() == 201) {
                                wins.add(answer.json());
                                return null;
                            }
                        }
                        return null;
                    });
                }
            }
            Instant ownerUntil = extensions.stream()
                    .map(e -> Instant.parse(e.path("expiresAt").asText()))
                    .max(Instant::compareTo)
                    .orElse(expiresAt);
            assertThat(wins)
                    .as("round %d: at most one rival can take the seats in this window", round)
                    .hasSizeLessThanOrEqualTo(1);
            for (JsonNode win : wins) {
                Instant wonAt = Instant.parse(win.path("createdAt").asText());
                assertThat(wonAt)
                        .as("a rival took the seats only after the owner's hold had ended")
                        .isAfterOrEqualTo(ownerUntil);
                assertThat(extensions)
                        .as("no extension succeeded after the seats changed hands")
                        .allSatisfy(e -> assertThat(
                                        Instant.parse(e.path("serverTime").asText()))
                                .isBefore(wonAt));
            }
            if (wins.isEmpty()) {
                assertThat(owner.get("/holds/" + holdId).json().path("status").asText())
                        .isEqualTo("ACTIVE");
            }
            owner.delete("/holds/" + holdId);
            for (JsonNode win : wins) {
                for (int i = 10; i < 40; i++) {
                    server.kiosk(i).delete("/holds/" + win.path("holdId").asText());
                }
            }
        }
    }

    private String storedStatus(String holdId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select status from holds where id = cast(:id as uuid)")
                        .bind("id", holdId)
                        .mapTo(String.class)
                        .one());
    }

    private String statusOnSeatMap(String seatId) {
        for (JsonNode seat :
                server.kiosk(1).get("/showtimes/" + showtime + "/seats").json().path("seats")) {
            if (seat.path("id").asText().equals(seatId)) {
                return seat.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + seatId);
    }

    /** Sleeps past a hold's expiry as the server counts it, whatever this machine's clock says. */
    static void sleepUntilExpired(JsonNode hold) {
        Duration left = Duration.between(
                Instant.parse(hold.path("serverTime").asText()),
                Instant.parse(hold.path("expiresAt").asText()));
        try {
            Thread.sleep(left.plusMillis(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
