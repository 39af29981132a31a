package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** {@code POST /holds} with {@code count} (DESIGN §8): the best block for the caller, and the bad ways to ask. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BestAvailableTest extends SeatRulesTestBase {

    @BeforeAll
    void start() {
        server = TestServer.start("bestavailable", TestServer.Options.defaults().kiosks(8));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void twoSeatsAreTheCentreOfTheRowTwoThirdsBack() {
        long showtime = freshBigHall();
        Answer answer = server.kiosk(1).post("/holds", best(showtime, 2));

        assertThat(answer.status()).isEqualTo(201);
        // 14 rows A..P: two thirds back is between J and K; K is nearer. The middle block's centre is K11-K12.
        assertThat(answer.seatIds()).containsExactly("K11", "K12");
        assertThat(answer.json().path("status").asText()).isEqualTo("ACTIVE");
        Map<String, JsonNode> map = seatMap(server.kiosk(2), showtime);
        assertThat(map.get("K11").path("status").asText()).isEqualTo("HELD");
        assertThat(map.get("K12").path("status").asText()).isEqualTo("HELD");
    }

    @Test
    void theNextCallerGetsTheNextBestBlockAndNoSingleSeatIsLeft() {
        long showtime = freshBigHall();
        List<String> first = server.kiosk(1).post("/holds", best(showtime, 3)).seatIds();
        List<String> second = server.kiosk(2).post("/holds", best(showtime, 3)).seatIds();
        List<String> third = server.kiosk(3).post("/holds", best(showtime, 5)).seatIds();

        assertThat(first).hasSize(3);
        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);
        assertThat(third).hasSize(5).doesNotContainAnyElementsOf(first).doesNotContainAnyElementsOf(second);
        for (List<String> block : List.of(first, second, third)) {
            assertThat(block.stream().map(id -> id.charAt(0)).distinct())
                    .as("one row")
                    .hasSize(1);
        }
        assertThat(SeatMaps.singles(seatMap(server.kiosk(4), showtime))).isEmpty();
    }

    @Test
    void aNewBestAvailableHoldReleasesTheTerminalsPreviousOne() {
        long showtime = freshBigHall();
        Answer first = server.kiosk(5).post("/holds", best(showtime, 2));
        Answer second = server.kiosk(5).post("/holds", best(showtime, 4));

        assertThat(second.status()).isEqualTo(201);
        assertThat(server.kiosk(5)
                        .get("/holds/" + first.json().path("holdId").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("RELEASED");
        // the best four now include the two seats the first hold gave back
        assertThat(second.seatIds()).containsAll(first.seatIds());
    }

    @Test
    void whenTheHallIsFullTheAnswerIsSeatsUnavailable() {
        long showtime = freshBigHall();
        server.jdbi()
                .useHandle(h -> h.createUpdate("""
                        insert into seat_claims (showtime_id, seat_id, state, hold_id, version)
                        select :s, seat, 'SOLD', gen_random_uuid(), nextval('seat_claim_version')
                          from unnest(cast(:seats as text[])) seat""")
                        .bind("s", showtime)
                        .bind(
                                "seats",
                                seatMap(server.kiosk(1), showtime).keySet().stream()
                                        .filter(id -> !id.equals("F8"))
                                        .toArray(String[]::new))
                        .execute());

        Answer two = server.kiosk(6).post("/holds", best(showtime, 2));
        assertThat(two.status()).isEqualTo(409);
        assertThat(two.errorCode()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(two.json().path("error").path("message").asText()).contains("not 2 free seats");

        Answer one = server.kiosk(6).post("/holds", best(showtime, 1));
        assertThat(one.status()).isEqualTo(201);
        assertThat(one.seatIds()).containsExactly("F8");
    }

    @Test
    void badCountsAreRefusedAndChangeNothing() {
        long showtime = freshBigHall();
        int before = holds();
        for (String body : List.of(
                best(showtime, 0),
                best(showtime, -1),
                best(showtime, 11),
                "{\"showtimeId\":" + showtime + ",\"count\":2,\"seatIds\":[\"F5\",\"F6\"]}")) {
            Answer answer = server.kiosk(7).post("/holds", body);
            assertThat(answer.status()).as(body).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        }
        Answer overLimit = server.kiosk(7).post("/holds", best(showtime, 11));
        assertThat(overLimit.json().path("error").path("message").asText()).contains("between 1 and 10");
        Answer malformed = server.kiosk(7).post("/holds", "{\"showtimeId\":" + showtime + ",\"count\":\"two\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(holds()).isEqualTo(before);
        // a clerk may ask for more than a kiosk, within the staff limit
        assertThat(server.clerk().post("/holds", best(showtime, 12)).status()).isEqualTo(201);
        assertThat(server.kiosk(7).post("/holds", holdBody(showtime, List.of())).status())
                .isEqualTo(422);
    }

    private int holds() {
        Integer count = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from holds")
                        .mapTo(Integer.class)
                        .one());
        return count;
    }
}
