package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Invariant 5: money is never kept for seats that are not sold. Holds live two seconds here and no sweeper runs;
 * the card terminal answers after a chosen delay ({@code tok_slow_<ms>}), landing on either side of the expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentExpiryTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        var options = TestServer.Options.defaults()
                .holdTtl(Duration.ofSeconds(2), Duration.ofSeconds(6))
                .kiosks(30);
        server = TestServer.start(
                "payexpiry",
                new TestServer.Options(
                        options.holdTtl(),
                        options.holdMaxTotal(),
                        options.kiosks(),
                        Duration.ofHours(1),
                        8,
                        Duration.ofSeconds(5),
                        null));
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anApprovalThatArrivesAfterTheHoldExpiredIsRefundedAndTheAnswerSaysSo() {
        ApiClient kiosk = server.kiosk(1);
        String orderId = orderFor(kiosk, "A5");

        Answer late = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_slow_2600"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("HOLD_EXPIRED");
        JsonNode details = late.json().path("error").path("details");
        assertThat(details.path("refunded").asBoolean()).isTrue();
        assertThat(details.path("refundedMinor").asLong()).isEqualTo(1250);
        assertThat(late.json().path("error").path("message").asText()).contains("refunded");
        assertThat(paymentStatuses(orderId)).containsExactly("REFUNDED");
        assertThat(kiosk.get("/orders/" + orderId).json().path("status").asText())
                .isEqualTo("PAYMENT_FAILED");
        assertThat(soldSeats()).doesNotContain("A5");
    }

    @Test
    void anApprovalJustBeforeTheExpirySellsTheSeats() {
        ApiClient kiosk = server.kiosk(2);
        String orderId = orderFor(kiosk, "A6");

        Answer paid = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_slow_900"));

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paymentStatuses(orderId)).containsExactly("APPROVED");
        assertThat(soldSeats()).contains("A6");
    }

    @Test
    void payingAnOrderWhoseHoldAlreadyExpiredChargesNothing() throws InterruptedException {
        ApiClient kiosk = server.kiosk(3);
        String orderId = orderFor(kiosk, "A7");
        Thread.sleep(2_200);

        Answer answer = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_visa"));

        assertThat(answer.errorCode()).isEqualTo("HOLD_EXPIRED");
        assertThat(answer.json().path("error").path("details").path("refunded").asBoolean())
                .isFalse();
        assertThat(paymentStatuses(orderId)).as("the card was never charged").isEmpty();
    }

    /**
     * The owner's approval lands around the expiry while rivals hammer the same seat. Whatever the timing, the seat
     * ends either sold to the owner (and no rival ever got it) or held by at most one rival with the owner refunded.
     */
    @Test
    void approvalsRacingRivalsAtTheExpiryNeverSellASeatTwiceOrKeepMoneyForNothing() throws Exception {
        int[] delays = {1700, 1850, 1950, 2000, 2050, 2150};
        for (int round = 0; round < delays.length; round++) {
            String seat = "B" + (round + 1);
            String token = "tok_slow_" + delays[round];
            ApiClient owner = server.kiosk(4);
            String orderId = orderFor(owner, seat);
            List<JsonNode> rivalWins = Collections.synchronizedList(new ArrayList<>());
            Answer payment;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Answer> paying =
                        pool.submit(() -> owner.post("/orders/" + orderId + "/payments", card(1250, token)));
                long until = System.nanoTime() + 3_000_000_000L;
                for (int i = 10; i < 30; i++) {
                    ApiClient rival = server.kiosk(i);
                    pool.submit(() -> {
                        Thread.sleep(1_600);
                        while (System.nanoTime() < until) {
                            Answer answer = rival.post("/holds", holdBody(showtime, List.of(seat)));
                            if (answer.status() == 201) {
                                rivalWins.add(answer.json());
                                return null;
                            }
                        }
                        return null;
                    });
                }
                payment = paying.get();
            }
            if (payment.status() == 200) {
                assertThat(rivalWins)
                        .as("round %d: sold to the owner, so no rival may hold it", round)
                        .isEmpty();
                assertThat(soldSeats()).contains(seat);
                assertThat(paymentStatuses(orderId)).containsExactly("APPROVED");
            } else {
                assertThat(payment.errorCode()).isEqualTo("HOLD_EXPIRED");
                assertThat(paymentStatuses(orderId))
                        .as("round %d: charged for nothing must be refunded", round)
                        .containsExactly("REFUNDED");
                assertThat(soldSeats()).doesNotContain(seat);
                assertThat(rivalWins).hasSizeLessThanOrEqualTo(1);
                for (JsonNode win : rivalWins) {
                    assertThat(Instant.parse(win.path("createdAt").asText())).isAfterOrEqualTo(holdExpiry(orderId));
                }
            }
            for (int i = 10; i < 30; i++) {
                for (JsonNode win : rivalWins) {
                    server.kiosk(i).delete("/holds/" + win.path("holdId").asText());
                }
            }
        }
    }

    private String orderFor(ApiClient kiosk, String seat) {
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of(seat)))
                .json()
                .path("holdId")
                .asText();
        Answer order = kiosk.post("/orders", orderBody(holdId, seat, "ADULT", null, null, null));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().path("orderId").asText();
    }

    private List<String> paymentStatuses(String orderId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery(
                                "select status from payments where order_id = cast(:o as uuid) order by created_at")
                        .bind("o", orderId)
                        .mapTo(String.class)
                        .list());
    }

    private Instant holdExpiry(String orderId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("""
                        select h.expires_at from holds h join orders o on o.hold_id = h.id where o.id = cast(:o as uuid)""")
                        .bind("o", orderId)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one()
                        .toInstant());
    }

    private List<String> soldSeats() {
        return server.jdbi()
                .withHandle(
                        h -> h.createQuery("select seat_id from seat_claims where showtime_id = :s and state = 'SOLD'")
                                .bind("s", showtime)
                                .mapTo(String.class)
                                .list());
    }
}
