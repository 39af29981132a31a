package org.marquee.server.houseseats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** House seats (DESIGN §8): kept for the counter and managers, refused to kiosks until their release. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseSeatsTest {

    private TestServer server;
    private ApiClient manager;
    private final List<Long> showtimes = new ArrayList<>();

    @BeforeAll
    void start() {
        server = TestServer.start("houseseats", TestServer.Options.defaults().kiosks(6));
        manager = server.manager();
        for (int day = 1; day <= 3; day++) {
            for (JsonNode s :
                    server.showtimes(1, LocalDate.now(DemoFixture.ZONE).plusDays(day))) {
                // the big hall: rows A..P of 22 seats, C11 out of service
                if (s.path("auditorium").path("name").asText().equals("Sala 1")) {
                    showtimes.add(s.path("id").asLong());
                }
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String body(String seats, int releaseMinutes) {
        return "{\"seatIds\":" + seats + ",\"releaseMinutes\":" + releaseMinutes + "}";
    }

    @Test
    void aKioskIsRefusedHouseSeatsTheCounterIsNot() {
        long showtime = showtimes.get(0);
        Answer before = server.kiosk(1).get("/showtimes/" + showtime + "/seats");

        Answer set = manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"E12\",\"E11\"]", 60));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("showtimeId").asLong()).isEqualTo(showtime);
        assertThat(set.seatIds()).containsExactly("E11", "E12");
        assertThat(set.json().path("releaseMinutes").asInt()).isEqualTo(60);
        assertThat(manager.get("/admin/showtimes/" + showtime + "/house-seats").seatIds())
                .containsExactly("E11", "E12");

        Answer map = server.kiosk(1).get("/showtimes/" + showtime + "/seats", "If-None-Match", before.header("ETag"));
        assertThat(map.status()).as("a restriction change is a new version").isEqualTo(200);
        JsonNode e11 = TestServer.seatIn(map.json(), "E11");
        assertThat(e11.path("restriction").asText()).isEqualTo("HOUSE");
        assertThat(e11.path("status").asText()).isEqualTo("AVAILABLE");

        Answer kiosk = server.kiosk(1).post("/holds", holdBody(showtime, List.of("E10", "E11")));
        assertThat(kiosk.status()).isEqualTo(409);
        assertThat(kiosk.errorCode()).isEqualTo("HOUSE_SEATS");
        assertThat(kiosk.seatIds()).containsExactly("E11");
        // best available never offers them to a kiosk either
        for (int k = 2; k <= 4; k++) {
            assertThat(server.kiosk(k)
                            .post("/holds", "{\"showtimeId\":" + showtime + ",\"count\":6}")
                            .seatIds())
                    .doesNotContain("E11", "E12");
        }
        assertThat(server.counter()
                        .post("/holds", holdBody(showtime, List.of("E11", "E12")))
                        .status())
                .isEqualTo(201);

        JsonNode audit =
                manager.get("/admin/audit?action=HOUSE_SEATS_SET").json().get(0);
        assertThat(audit.path("actor").path("username").asText()).isEqualTo("morgan");
        assertThat(audit.path("entityId").asText()).isEqualTo(String.valueOf(showtime));
        assertThat(audit.path("details").path("seatIds").get(0).asText()).isEqualTo("E11");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long showtime = showtimes.get(1);
        manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D5\"]", 30));
        int audited = manager.get("/admin/audit?action=HOUSE_SEATS_SET").json().size();

        Answer unknown = manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D5\",\"Z99\"]", 30));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.seatIds()).containsExactly("Z99");
        Answer broken = manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"C11\"]", 30));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D6\",\"D6\"]", 30))
                        .status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D6\"]", -1))
                        .status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/showtimes/" + showtime + "/house-seats", "{\"releaseMinutes\":5}")
                        .status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/showtimes/" + showtime + "/house-seats", "{\"seatIds\":\"D6\"}")
                        .status())
                .isEqualTo(400);
        assertThat(manager.put("/admin/showtimes/999999/house-seats", body("[\"D6\"]", 0))
                        .status())
                .isEqualTo(404);

        assertThat(manager.get("/admin/showtimes/" + showtime + "/house-seats").seatIds())
                .containsExactly("D5");
        assertThat(manager.get("/admin/audit?action=HOUSE_SEATS_SET").json().size())
                .isEqualTo(audited);
    }

    @Test
    void onlyAManagerMaySetThem() {
        long showtime = showtimes.get(2);
        assertThat(server.clerk()
                        .put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D6\"]", 0))
                        .status())
                .isEqualTo(403);
        assertThat(server.kiosk(5)
                        .put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D6\"]", 0))
                        .status())
                .isEqualTo(403);
        assertThat(server.client(null)
                        .put("/admin/showtimes/" + showtime + "/house-seats", body("[\"D6\"]", 0))
                        .status())
                .isEqualTo(401);
        assertThat(manager.get("/admin/showtimes/" + showtime + "/house-seats").seatIds())
                .isEmpty();
    }

    @Test
    void kiosksGetThemFromTheReleaseOn() {
        long showtime = server.bigHallShowtimeAt(
                Instant.now().plus(Duration.ofMinutes(60)).plusSeconds(4));
        manager.put("/admin/showtimes/" + showtime + "/house-seats", body("[\"G9\",\"G10\"]", 60));
        ApiClient kiosk = server.kiosk(6);
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("G9", "G10")))
                        .errorCode())
                .isEqualTo("HOUSE_SEATS");
        String etag = kiosk.get("/showtimes/" + showtime + "/seats").header("ETag");

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !TestServer.seatIn(
                                kiosk.get("/showtimes/" + showtime + "/seats").json(), "G9")
                        .has("restriction"));

        assertThat(kiosk.get("/showtimes/" + showtime + "/seats").header("ETag"))
                .isNotEqualTo(etag);
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("G9", "G10")))
                        .status())
                .isEqualTo(201);
    }
}
