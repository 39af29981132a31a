package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;

/** The sweeper cancels an order whose hold expired unpaid; its seats are for sale again and it can't be paid. */
class LapsedOrderTest {

    @Test
    void anOrderLeftUnpaidPastItsHoldIsCancelledBySweeper() {
        var options = TestServer.Options.defaults()
                .holdTtl(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .sweepEvery(Duration.ofMillis(200));
        try (TestServer server = TestServer.start("lapsed", options)) {
            ApiClient kiosk = server.kiosk(1);
            long showtime = server.bigHallShowtime();
            String holdId = kiosk.post("/holds", holdBody(showtime, List.of("N7")))
                    .json()
                    .path("holdId")
                    .asText();
            String orderId = kiosk.post("/orders", orderBody(holdId, "N7", "ADULT", null, null, null))
                    .json()
                    .path("orderId")
                    .asText();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> kiosk.get("/orders/" + orderId)
                            .json()
                            .path("status")
                            .asText()
                            .equals("CANCELLED"));

            assertThat(kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_visa"))
                            .status())
                    .isEqualTo(409);
            assertThat(server.kiosk(2)
                            .post("/holds", holdBody(showtime, List.of("N7")))
                            .status())
                    .isEqualTo(201);
        }
    }
}
