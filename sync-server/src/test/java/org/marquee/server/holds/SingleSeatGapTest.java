package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * No single-seat gaps (DESIGN §8): theater 1 keeps the default rule {@code KIOSK}, theater 2 is set to {@code ALL} and
 * theater 3 to {@code OFF} before any request reads them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSeatGapTest extends SeatRulesTestBase {

    @BeforeAll
    void start() {
        server = TestServer.start("singleseat", TestServer.Options.defaults().kiosks(12));
        server.jdbi().useHandle(h -> {
            h.execute("update theaters set single_seat_rule = 'ALL' where id = 2");
            h.execute("update theaters set single_seat_rule = 'OFF' where id = 3");
        });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aKioskMayNotLeaveOneSeatAloneAndIsToldWhichAndWhy() {
        long showtime = freshBigHall();
        assertThat(server.kiosk(1)
                        .post("/holds", holdBody(showtime, List.of("F7", "F8")))
                        .status())
                .isEqualTo(201);

        Answer refused = server.kiosk(2).post("/holds", holdBody(showtime, List.of("F10", "F11")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("SINGLE_SEAT_GAP");
        assertThat(refused.seatIds()).containsExactly("F9");
        assertThat(refused.json().path("error").path("message").asText())
                .isEqualTo("This would leave F9 alone between two taken seats. Choose F9 too, or choose seats that"
                        + " leave no single seat.");
        assertThat(seatMap(server.kiosk(3), showtime).get("F10").path("status").asText())
                .as("nothing was held")
                .isEqualTo("AVAILABLE");
        // taking F9 too, or starting next to F8, is fine
        assertThat(server.kiosk(2)
                        .post("/holds", holdBody(showtime, List.of("F9", "F10")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aSeatBesideTheAisleCountsAndTheCounterIsNotBoundUnderKiosk() {
        long showtime = freshBigHall();
        // G1..G4 between the wall and the aisle: G3 alone would strand G4
        Answer kiosk = server.kiosk(4).post("/holds", holdBody(showtime, List.of("G2", "G3")));
        assertThat(kiosk.errorCode()).isEqualTo("SINGLE_SEAT_GAP");
        assertThat(kiosk.seatIds()).containsExactly("G1", "G4");
        assertThat(kiosk.json().path("error").path("message").asText())
                .contains("G1 alone between a taken seat and the end of the row")
                .contains("G4 alone between a taken seat and the aisle");

        Answer counter = server.counter().post("/holds", holdBody(showtime, List.of("G2", "G3")));
        assertThat(counter.status()).as("the rule KIOSK binds kiosks only").isEqualTo(201);
    }

    @Test
    void changingSeatsFollowsTheRuleToo() {
        long showtime = freshBigHall();
        ApiClient kiosk = server.kiosk(5);
        String hold = kiosk.post("/holds", holdBody(showtime, List.of("H5", "H6")))
                .json()
                .path("holdId")
                .asText();

        Answer refused = kiosk.put("/holds/" + hold + "/seats", seatsBody(List.of("H6", "H7")));

        assertThat(refused.errorCode()).isEqualTo("SINGLE_SEAT_GAP");
        assertThat(refused.seatIds()).containsExactly("H5");
        assertThat(ids(kiosk.get("/holds/" + hold).json().path("seatIds"))).containsExactly("H5", "H6");
        assertThat(kiosk.put("/holds/" + hold + "/seats", seatsBody(List.of("H5", "H6", "H7")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSeatLeftAloneByAnEarlierReleaseIsNotTheNextHoldsFault() {
        long showtime = freshBigHall();
        server.kiosk(6).post("/holds", holdBody(showtime, List.of("J5", "J6")));
        server.kiosk(7).post("/holds", holdBody(showtime, List.of("J7")));
        String middle = server.kiosk(8)
                .post("/holds", holdBody(showtime, List.of("J8")))
                .json()
                .path("holdId")
                .asText();
        assertThat(server.kiosk(9)
                        .post("/holds", holdBody(showtime, List.of("J9", "J10")))
                        .status())
                .isEqualTo(201);
        assertThat(server.kiosk(8).delete("/holds/" + middle).status()).isEqualTo(204);
        // J8 now stands alone between J7 and J9: nobody's new hold did that

        Answer next = server.kiosk(10).post("/holds", holdBody(showtime, List.of("J11", "J12")));

        assertThat(next.status()).isEqualTo(201);
        assertThat(SeatMaps.singles(seatMap(server.kiosk(11), showtime))).containsExactly("J8");
    }

    @Test
    void whenNoChoiceWithoutASingleSeatExistsTheHoldIsAllowed() {
        long showtime = freshBigHall();
        // every seat sold but K5, K6 and K7: any two of them leave one alone, and nothing better exists
        server.jdbi()
                .useHandle(h -> h.createUpdate("""
                        insert into seat_claims (showtime_id, seat_id, state, hold_id, version)
                        select :s, seat, 'SOLD', gen_random_uuid(), nextval('seat_claim_version')
                          from unnest(cast(:seats as text[])) seat""")
                        .bind("s", showtime)
                        .bind(
                                "seats",
                                seatMap(server.kiosk(1), showtime).keySet().stream()
                                        .filter(id -> !List.of("K5", "K6", "K7").contains(id))
                                        .toArray(String[]::new))
                        .execute());

        Answer answer = server.kiosk(12).post("/holds", holdBody(showtime, List.of("K5", "K6")));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void underAllAClerkIsBoundAndMayOverrideWhichIsAudited() {
        long showtime = showtimeOfTheater(2, 0);
        ApiClient clerk = server.clerk();
        Answer refused = clerk.post("/holds", holdBody(showtime, List.of("B2")));
        assertThat(refused.errorCode()).isEqualTo("SINGLE_SEAT_GAP");
        assertThat(refused.seatIds()).containsExactly("B1");

        Answer kioskOverride = server.kiosk(1)
                .post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"B2\"],\"allowSingleSeatGap\":true}");
        assertThat(kioskOverride.status()).isEqualTo(403);
        assertThat(kioskOverride.errorCode()).isEqualTo("FORBIDDEN");

        Answer allowed = clerk.post(
                "/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"B2\"],\"allowSingleSeatGap\":true}");
        assertThat(allowed.status()).isEqualTo(201);

        JsonNode entry = server.manager()
                .get("/admin/audit?action=SINGLE_SEAT_GAP_ALLOWED")
                .json()
                .get(0);
        assertThat(entry.path("actor").path("username").asText()).isEqualTo("alice");
        assertThat(entry.path("entityType").asText()).isEqualTo("SHOWTIME");
        assertThat(entry.path("entityId").asText()).isEqualTo(String.valueOf(showtime));
        assertThat(ids(entry.path("details").path("stranded"))).containsExactly("B1");
        assertThat(ids(entry.path("details").path("seatIds"))).containsExactly("B2");
    }

    @Test
    void underOffNobodyIsBound() {
        long showtime = showtimeOfTheater(3, 0);
        assertThat(server.kiosk(2)
                        .post("/holds", holdBody(showtime, List.of("B2")))
                        .status())
                .isEqualTo(201);
    }
}
