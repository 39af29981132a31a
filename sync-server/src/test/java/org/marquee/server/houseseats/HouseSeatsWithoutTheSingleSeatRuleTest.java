package org.marquee.server.houseseats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

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
 * Without the single-seat rule a kiosk's hold has nothing to check in its transaction but house seats, which the
 * transaction reads with the terminal's lock instead of reading the showtime's claims (decision 0035). A kiosk that has
 * just read the seat map is remembered to see its seats free, so its hold skips the first check: the refusal below
 * comes from the transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseSeatsWithoutTheSingleSeatRuleTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server =
                TestServer.start("houseseats-off", TestServer.Options.defaults().kiosks(2));
        // before any request: the theater's rule is cached for a few seconds once read
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theHoldsTransactionRefusesAKioskHouseSeatsAndGrantsTheOthers() {
        Answer set = server.manager()
                .put("/admin/showtimes/" + showtime + "/house-seats", "{\"seatIds\":[\"F5\"],\"releaseMinutes\":0}");
        assertThat(set.status()).isEqualTo(200);
        ApiClient kiosk = server.kiosk(1);
        JsonNode f5 =
                TestServer.seatIn(kiosk.get("/showtimes/" + showtime + "/seats").json(), "F5");
        assertThat(f5.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(f5.path("restriction").asText()).isEqualTo("HOUSE");

        Answer refused = kiosk.post("/holds", holdBody(showtime, List.of("F4", "F5")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("HOUSE_SEATS");
        assertThat(refused.seatIds()).containsExactly("F5");

        // a lone seat is fine without the rule; the house seat stays free for the counter
        Answer granted = kiosk.post("/holds", holdBody(showtime, List.of("F4")));
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.seatIds()).containsExactly("F4");
        assertThat(server.counter()
                        .post("/holds", holdBody(showtime, List.of("F5")))
                        .status())
                .isEqualTo(201);
    }
}
