package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
 * Invariant 4 and the life of a hold: extensions never pass --hold-max-total, one active hold per terminal, seats
 * changed all-or-nothing, the sweeper tidying up. Holds live one second here, three at most; the sweeper runs often.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldLifecycleTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        var options = TestServer.Options.defaults()
                .holdTtl(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .kiosks(12);
        server = TestServer.start("lifecycle", options.sweepEvery(Duration.ofMillis(200)));
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void extendingOverAndOverNeverOutlivesTheMaximum() throws InterruptedException {
        ApiClient kiosk = server.kiosk(1);
        JsonNode hold = kiosk.post("/holds", holdBody(showtime, List.of("H1"))).json();
        String holdId = hold.path("holdId").asText();
        Instant createdAt = Instant.parse(hold.path("createdAt").asText());
        Instant cap = createdAt.plusSeconds(3);
        assertThat(Instant.parse(hold.path("maxExpiresAt").asText())).isEqualTo(cap);

        Instant last = Instant.parse(hold.path("expiresAt").asText());
        boolean reachedCap = false;
        String finalError = null;
        for (int i = 0; i < 40 && finalError == null; i++) {
            Answer extend = kiosk.post("/holds/" + holdId + "/extend", null);
            if (extend.status() == 200) {
                Instant expiresAt =
                        Instant.parse(extend.json().path("expiresAt").asText());
                assertThat(expiresAt).as("never past the cap").isBeforeOrEqualTo(cap);
                assertThat(expiresAt).as("never earlier than before").isAfterOrEqualTo(last);
                reachedCap |= expiresAt.equals(cap);
                last = expiresAt;
            } else {
                finalError = extend.errorCode();
            }
            Thread.sleep(150);
        }
        assertThat(reachedCap).as("extensions reached the cap").isTrue();
        assertThat(finalError).as("after the cap, the hold expired for good").isEqualTo("HOLD_EXPIRED");
        Instant stored = server.jdbi()
                .withHandle(h -> h.createQuery("select expires_at from holds where id = cast(:id as uuid)")
                        .bind("id", holdId)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one()
                        .toInstant());
        assertThat(stored).isBeforeOrEqualTo(cap);
        assertThat(server.kiosk(2)
                        .post("/holds", holdBody(showtime, List.of("H1")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNewHoldReleasesTheTerminalsPreviousOne() {
        ApiClient kiosk = server.kiosk(3);
        String first = kiosk.post("/holds", holdBody(showtime, List.of("J1", "J2")))
                .json()
                .path("holdId")
                .asText();
        String second = kiosk.post("/holds", holdBody(showtime, List.of("J3")))
                .json()
                .path("holdId")
                .asText();

        assertThat(kiosk.get("/holds/" + first).json().path("status").asText()).isEqualTo("RELEASED");
        assertThat(kiosk.get("/holds/" + second).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(server.kiosk(4)
                        .post("/holds", holdBody(showtime, List.of("J1", "J2")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRefusedNewHoldLeavesThePreviousOneAsItWas() {
        ApiClient kiosk = server.kiosk(5);
        String mine = kiosk.post("/holds", holdBody(showtime, List.of("K1")))
                .json()
                .path("holdId")
                .asText();
        server.kiosk(6).post("/holds", holdBody(showtime, List.of("K2")));

        Answer refused = kiosk.post("/holds", holdBody(showtime, List.of("K2", "K3")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.seatIds()).containsExactly("K2");
        assertThat(kiosk.get("/holds/" + mine).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(server.kiosk(7)
                        .post("/holds", holdBody(showtime, List.of("K3")))
                        .status())
                .as("K3 was not kept by the refused request")
                .isEqualTo(201);
    }

    @Test
    void manyRequestsOfOneTerminalAtOnceLeaveItOneActiveHold() throws Exception {
        ApiClient kiosk = server.kiosk(8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 12; i++) {
                int seat = i;
                pool.submit(() -> kiosk.post("/holds", holdBody(showtime, List.of("L" + seat))));
            }
        }
        int active = server.jdbi()
                .withHandle(h -> h.createQuery("""
                        select count(*) from holds h join terminals t on t.id = h.terminal_id
                         where t.name = 'demo-kiosk-8' and h.status = 'ACTIVE'""").mapTo(Integer.class).one());
        int heldRowL = server.jdbi()
                .withHandle(h -> h.createQuery("""
                        select count(*) from seat_claims where showtime_id = :s and seat_id like 'L%'
                           and state = 'HELD' and expires_at > now()""")
                        .bind("s", showtime)
                        .mapTo(Integer.class)
                        .one());
        assertThat(active).isEqualTo(1);
        assertThat(heldRowL).as("only the surviving hold's seat is held").isEqualTo(1);
    }

    @Test
    void changingSeatsIsAllOrNothingAndKeepsTheExpiry() {
        ApiClient kiosk = server.kiosk(9);
        JsonNode hold =
                kiosk.post("/holds", holdBody(showtime, List.of("N1", "N2"))).json();
        String holdId = hold.path("holdId").asText();
        server.kiosk(10).post("/holds", holdBody(showtime, List.of("N5")));

        Answer refused = kiosk.put("/holds/" + holdId + "/seats", seatsBody(Set.of("N2", "N4", "N5")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.seatIds()).containsExactly("N5");
        assertThat(kiosk.get("/holds/" + holdId).json().path("seatIds"))
                .extracting(JsonNode::asText)
                .containsExactly("N1", "N2");

        Answer changed = kiosk.put("/holds/" + holdId + "/seats", seatsBody(Set.of("N2", "N3")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.seatIds()).containsExactlyInAnyOrder("N2", "N3");
        assertThat(changed.json().path("expiresAt").asText())
                .isEqualTo(hold.path("expiresAt").asText());
        assertThat(server.kiosk(11)
                        .post("/holds", holdBody(showtime, List.of("N1")))
                        .status())
                .as("the seat given up is free again")
                .isEqualTo(201);
    }

    @Test
    void theSweeperMarksExpiredHoldsAndFreesTheirSeats() {
        ApiClient kiosk = server.kiosk(12);
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("P1", "P2")))
                .json()
                .path("holdId")
                .asText();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String stored = server.jdbi()
                    .withHandle(h -> h.createQuery("select status from holds where id = cast(:id as uuid)")
                            .bind("id", holdId)
                            .mapTo(String.class)
                            .one());
            assertThat(stored).isEqualTo("EXPIRED");
        });
        int stillHeld = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from seat_claims where hold_id = cast(:id as uuid)")
                        .bind("id", holdId)
                        .mapTo(Integer.class)
                        .one());
        assertThat(stillHeld).isZero();
        assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText()).isEqualTo("EXPIRED");
    }
}
