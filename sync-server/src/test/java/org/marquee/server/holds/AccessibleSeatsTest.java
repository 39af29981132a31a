package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Wheelchair spaces and companion seats (DESIGN §8): only for accessible holds, a companion seat only beside a
 * wheelchair space of the same hold, until 30 minutes (the theater's default) before the start or until every other
 * seat is sold. The big hall's row A: A1 A2 wheelchair, A3 A4 companion, A5..A18, A19 A20 companion, A21 A22
 * wheelchair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibleSeatsTest extends SeatRulesTestBase {

    @BeforeAll
    void start() {
        server = TestServer.start("accessible", TestServer.Options.defaults().kiosks(10));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aHoldWithoutAccessibleMayNotHaveThemWhoeverAsks() {
        long showtime = freshBigHall();
        for (ApiClient caller : List.of(server.kiosk(1), server.counter(), server.clerk())) {
            Answer refused = caller.post("/holds", holdBody(showtime, List.of("A1")));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("ACCESSIBLE_SEATS_RESERVED");
            assertThat(refused.seatIds()).containsExactly("A1");
        }
        Map<String, JsonNode> map = seatMap(server.kiosk(1), showtime);
        assertThat(map.get("A1").path("restriction").asText()).isEqualTo("ACCESSIBLE");
        assertThat(map.get("A3").path("restriction").asText()).isEqualTo("ACCESSIBLE");
        assertThat(map.get("A5").has("restriction"))
                .as("a seat for everyone has no restriction")
                .isFalse();
    }

    @Test
    void anAccessibleHoldGetsAWheelchairSpaceWithItsCompanionSeat() {
        long showtime = freshBigHall();
        String body = "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"A2\",\"A3\"],\"accessible\":true}";
        assertThat(server.kiosk(2).post("/holds", body).status()).isEqualTo(201);

        // a companion seat alone, or beside someone else's wheelchair space, is not allowed
        Answer lonely = server.kiosk(3)
                .post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"A4\"],\"accessible\":true}");
        assertThat(lonely.errorCode()).isEqualTo("ACCESSIBLE_SEATS_RESERVED");
        assertThat(lonely.seatIds()).containsExactly("A4");
        Answer wheelchairAlone = server.kiosk(3)
                .post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"A1\"],\"accessible\":true}");
        assertThat(wheelchairAlone.status()).isEqualTo(201);
    }

    @Test
    void bestAvailableForAnAccessibleCallerIsAWheelchairSpaceWithItsCompanion() {
        long showtime = freshBigHall();
        Answer answer = server.kiosk(4).post("/holds", bestAccessible(showtime, 2));

        assertThat(answer.status()).isEqualTo(201);
        Map<String, JsonNode> map = seatMap(server.kiosk(4), showtime);
        assertThat(answer.seatIds().stream().map(id -> map.get(id).path("type").asText()))
                .containsExactlyInAnyOrder("WHEELCHAIR", "COMPANION");
        // and a caller who did not ask never gets them, even when the front row is all that is left
        assertThat(server.kiosk(5).post("/holds", best(showtime, 2)).seatIds())
                .allSatisfy(id -> assertThat(map.get(id).path("type").asText()).isIn("STANDARD", "PREMIUM"));
    }

    @Test
    void theyAreReleasedToEveryoneThirtyMinutesBeforeTheStart() {
        Instant startsAt = Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(4);
        long showtime = server.bigHallShowtimeAt(startsAt);
        ApiClient kiosk = server.kiosk(6);
        Answer before = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("A21"))).errorCode())
                .isEqualTo("ACCESSIBLE_SEATS_RESERVED");

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !seatMap(kiosk, showtime).get("A1").has("restriction"));

        assertThat(Instant.now()).isAfterOrEqualTo(startsAt.minus(Duration.ofMinutes(30)));
        Answer after = kiosk.get("/showtimes/" + showtime + "/seats", "If-None-Match", before.header("ETag"));
        assertThat(after.status())
                .as("no seat changed hands, but the map did, so its ETag did")
                .isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("A21"))).status())
                .isEqualTo(201);
        // a companion seat alone may go to anyone now
        assertThat(server.kiosk(7)
                        .post("/holds", holdBody(showtime, List.of("A3")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theyAreReleasedWhenEveryOtherSeatIsSold() {
        long showtime = freshBigHall();
        Map<String, JsonNode> seats = seatMap(server.kiosk(8), showtime);
        String[] others = seats.values().stream()
                .filter(s ->
                        List.of("STANDARD", "PREMIUM").contains(s.path("type").asText()))
                .filter(s -> s.path("status").asText().equals("AVAILABLE"))
                .map(s -> s.path("id").asText())
                .toArray(String[]::new);
        server.jdbi()
                .useHandle(h -> h.createUpdate("""
                        insert into seat_claims (showtime_id, seat_id, state, hold_id, version)
                        select :s, seat, 'SOLD', gen_random_uuid(), nextval('seat_claim_version')
                          from unnest(cast(:seats as text[])) seat""")
                        .bind("s", showtime)
                        .bind("seats", others)
                        .execute());

        // written behind the servers' back (no NOTIFY): a map from memory shows it within its lease (decision 0029)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (seatMap(server.kiosk(8), showtime).get("A22").has("restriction") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(seatMap(server.kiosk(8), showtime).get("A22").has("restriction"))
                .isFalse();
        Answer answer = server.kiosk(8).post("/holds", best(showtime, 2));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.seatIds()).allSatisfy(id -> assertThat(id).startsWith("A"));
    }
}
