package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.marquee.server.MarqueeServer;
import org.marquee.server.ServerConfig;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestPostgres;
import org.marquee.server.testing.TestServer;

/**
 * No fake approvals (DESIGN §10): without a card terminal a card payment is 503 and nothing changes; and a payment
 * that outlives its hold, whose order the sweeper cancelled meanwhile, is refunded and answered HOLD_EXPIRED.
 */
class PaymentProvidersTest {

    @Test
    void withoutACardTerminalACardPaymentIs503AndTheSeatsStayHeldForCash() {
        String jdbcUrl = TestPostgres.newDatabase("no_card_terminal");
        var config = new ServerConfig(
                "127.0.0.1",
                0,
                new DatabaseSettings(jdbcUrl, "postgres", "postgres", TestServer.DATA_DIR, 4),
                true,
                4,
                HoldPolicy.of(Duration.ofMinutes(8), Duration.ofMinutes(20)),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                null,
                ServerConfig.SSE_HEARTBEAT,
                ServerConfig.CardTerminal.NONE,
                null);
        try (MarqueeServer server = MarqueeServer.start(config)) {
            ApiClient kiosk = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), "demo-kiosk-1");
            long showtime = Jdbi.create(jdbcUrl, "postgres", "postgres")
                    .withHandle(h -> h.createQuery(
                                    "select id from showtimes where starts_at > now() + interval '2 hours' limit 1")
                            .mapTo(Long.class)
                            .one());
            String holdId = kiosk.post("/holds", holdBody(showtime, List.of("B1")))
                    .json()
                    .path("holdId")
                    .asText();
            String orderId = kiosk.post("/orders", orderBody(holdId, "B1", "ADULT", null, null, null))
                    .json()
                    .path("orderId")
                    .asText();

            for (String token : List.of("tok_visa", "tok_anything")) {
                Answer answer = kiosk.post("/orders/" + orderId + "/payments", card(1250, token));
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.errorCode()).isEqualTo("PAYMENT_PROVIDER_NOT_CONFIGURED");
                assertThat(answer.json().path("error").path("message").asText()).contains("No card terminal");
            }
            assertThat(kiosk.get("/orders/" + orderId).json().path("status").asText())
                    .isEqualTo("PENDING_PAYMENT");
            assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText())
                    .isEqualTo("ACTIVE");
            int payments = Jdbi.create(jdbcUrl, "postgres", "postgres")
                    .withHandle(h -> h.createQuery("select count(*) from payments")
                            .mapTo(Integer.class)
                            .one());
            assertThat(payments).isZero();
        }
    }

    @Test
    void aPaymentThatOutlivesItsHoldWhileTheSweeperCancelsTheOrderIsRefundedAndAnsweredHoldExpired() {
        var options = TestServer.Options.defaults()
                .holdTtl(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .sweepEvery(Duration.ofMillis(200));
        try (TestServer server = TestServer.start("payment_outlives_hold", options)) {
            ApiClient kiosk = server.kiosk(1);
            long showtime = server.bigHallShowtime();
            String holdId = kiosk.post("/holds", holdBody(showtime, List.of("C7")))
                    .json()
                    .path("holdId")
                    .asText();
            String orderId = kiosk.post("/orders", orderBody(holdId, "C7", "ADULT", null, null, null))
                    .json()
                    .path("orderId")
                    .asText();

            Answer late = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_slow_1900"));

            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.errorCode()).isEqualTo("HOLD_EXPIRED");
            assertThat(late.json()
                            .path("error")
                            .path("details")
                            .path("refunded")
                            .asBoolean())
                    .isTrue();
            assertThat(kiosk.get("/orders/" + orderId).json().path("status").asText())
                    .isIn("CANCELLED", "PAYMENT_FAILED");
            List<String> statuses = server.jdbi()
                    .withHandle(h -> h.createQuery("select status from payments where order_id = cast(:o as uuid)")
                            .bind("o", orderId)
                            .mapTo(String.class)
                            .list());
            assertThat(statuses).containsExactly("REFUNDED");
        }
    }
}
