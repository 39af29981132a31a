package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.payments.SimulatedCardTerminal;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * The sweeper tries a refused card refund again with exponential backoff (DESIGN §7.3) until the provider accepts, and
 * a manager's cash payout racing a retry gives the money back exactly once. Retries start 300 ms after a refusal here
 * (production: a minute) and the sweeper runs every 200 ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundRetryTest {

    private static final Duration BASE = Duration.ofMillis(300);

    private TestServer server;
    private ApiClient manager;
    private long showtime;
    private SimulatedCardTerminal terminal;
    private final java.util.Iterator<String> seats = List.of(
                    "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "G13", "G14", "G15",
                    "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11", "H12", "H13", "H14", "H15")
            .iterator();

    @BeforeAll
    void start() {
        server = TestServer.start(
                        "refund-retry",
                        TestServer.Options.defaults()
                                .sweepEvery(Duration.ofMillis(200))
                                .refundRetryEvery(BASE))
                .singleSeatRule("OFF");
        manager = server.manager();
        showtime = server.bigHallShowtime();
        terminal = server.server().simulatedCardTerminal().orElseThrow();
    }

    @AfterEach
    void providerAsAtStart() {
        terminal.refuseRefunds(true);
        terminal.refuseEveryRefund(false);
        terminal.answerRefundsAfter(Duration.ZERO);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theSweeperTriesAgainLessAndLessOftenUntilTheProviderAccepts() {
        String orderId = refusedRefund();
        String paymentId = paymentOf(orderId);
        String providerRef = providerRef(orderId);

        // refusals at about 0, 0.3, 0.9, 2.1 and 4.5 s: doubling waits, not one try per sweep (which would be ~17)
        Awaitility.await().pollDelay(Duration.ofMillis(3500)).until(() -> true);
        String[] row = query(
                        "select refund_attempts || ' ' || (extract(epoch from next_refund_at - updated_at) * 1000)::bigint"
                                + " from payments where id = cast(:o as uuid)",
                        paymentId)
                .split(" ");
        int attempts = Integer.parseInt(row[0]);
        assertThat(attempts)
                .as("tries in 3.5 s with waits of 0.3, 0.6, 1.2, 2.4 s")
                .isBetween(2, 5);
        assertThat(Duration.ofMillis(Long.parseLong(row[1])))
                .as("the wait after the %d-th refusal", attempts)
                .isBetween(
                        BASE.multipliedBy(1L << (attempts - 1)).minusMillis(50),
                        BASE.multipliedBy(1L << (attempts - 1)).plusMillis(50));
        JsonNode listed = listed(orderId);
        assertThat(listed.path("attempts").asInt()).isGreaterThanOrEqualTo(attempts);
        assertThat(listed.path("lastError").asText()).contains("refused");
        assertThat(terminal.refunded(providerRef)).isFalse();

        terminal.refuseRefunds(false);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(terminal.refunded(providerRef)).as("given back by card").isTrue();
        assertThat(listed(orderId)).as("off the list").isNull();
        assertThat(cashMoves(paymentId)).isZero();
        JsonNode entry = null;
        for (JsonNode candidate :
                manager.get("/admin/audit?action=REFUND_RETRIED").json()) {
            if (candidate.path("entityId").asText().equals(paymentId)) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the retry is audited").isNotNull();
        assertThat(entry.path("actor").path("username").isNull())
                .as("a system action: nobody did it")
                .isTrue();
        assertThat(entry.path("details").path("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void aPayoutWhileARetryAsksTheProviderIsRefusedAndTheCardRefundStands() {
        String orderId = refusedRefund();
        String paymentId = paymentOf(orderId);
        terminal.answerRefundsAfter(Duration.ofSeconds(3));
        terminal.refuseRefunds(false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> retrying(paymentId));

        Answer payout = manager.post("/admin/refunds/" + paymentId + "/paid-in-cash", null);

        assertThat(payout.status()).as(payout.body()).isEqualTo(409);
        assertThat(payout.json().path("error").path("message").asText()).contains("Give no cash");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(terminal.refunded(providerRef(orderId))).isTrue();
        assertThat(cashMoves(paymentId)).as("no cash went out").isZero();
    }

    @Test
    void payoutsRacingRetriesGiveEachRefundBackExactlyOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(refusedRefund());
        }
        terminal.refuseRefunds(false);
        List<Future<Integer>> payouts = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < orders.size(); i++) {
                String paymentId = paymentOf(orders.get(i));
                long delay = 100L * i;
                payouts.add(pool.submit(() -> {
                    Thread.sleep(delay);
                    return manager.post("/admin/refunds/" + paymentId + "/paid-in-cash", null)
                            .status();
                }));
            }
        }
        int cash = 0;
        for (int i = 0; i < orders.size(); i++) {
            String orderId = orders.get(i);
            String paymentId = paymentOf(orderId);
            int answer = payouts.get(i).get();
            assertThat(answer).isIn(200, 409);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> status(paymentId).equals("REFUNDED"));
            boolean byCash = answer == 200;
            cash += byCash ? 1 : 0;
            assertThat(cashMoves(paymentId)).as("cash out for %s", orderId).isEqualTo(byCash ? 1 : 0);
            // a later sweep must not refund by card what the manager paid in cash
            Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            assertThat(terminal.refunded(providerRef(orderId)))
                    .as("card refund of %s (paid in cash: %s)", orderId, byCash)
                    .isEqualTo(!byCash);
        }
        assertThat(cash).as("how many the manager paid out").isBetween(0, orders.size());
    }

    @Test
    void aLateChargeForALostHoldThatCannotBeGivenBackIsFailedThenRetried() {
        terminal.refuseEveryRefund(true);
        ApiClient kiosk = server.kiosk(2);
        String seat = seats.next();
        String holdId = kiosk.post("/holds", Bodies.holdBody(showtime, List.of(seat)))
                .json()
                .path("holdId")
                .asText();
        JsonNode order = kiosk.post("/orders", ticket(holdId, seat)).json();
        String orderId = order.path("orderId").asText();
        Answer pending = kiosk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":"
                        + order.path("totalMinor").asLong() + ",\"cardToken\":\"tok_pending\"}");
        assertThat(pending.status()).isEqualTo(202);
        assertThat(kiosk.delete("/holds/" + holdId).status())
                .as("the customer walked away")
                .isEqualTo(204);

        Answer late = webhook("{\"providerRef\":\"" + providerRef(orderId) + "\",\"status\":\"SUCCEEDED\"}");

        assertThat(late.json().path("result").asText()).isEqualTo("REFUND_FAILED");
        String paymentId = paymentOf(orderId);
        assertThat(status(paymentId)).isEqualTo("REFUND_FAILED");
        assertThat(listed(orderId)).as("listed: the customer is owed it").isNotNull();

        terminal.refuseEveryRefund(false);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(terminal.refunded(providerRef(orderId))).isTrue();
    }

    /** A kiosk's tok_refund_fails sale of the next seat, refunded by the manager: the order's id. */
    private String refusedRefund() {
        ApiClient kiosk = server.kiosk(1);
        String seat = seats.next();
        Answer hold = kiosk.post("/holds", Bodies.holdBody(showtime, List.of(seat)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        JsonNode order = kiosk.post("/orders", ticket(hold.json().path("holdId").asText(), seat))
                .json();
        String orderId = order.path("orderId").asText();
        Answer paid = kiosk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":"
                        + order.path("totalMinor").asLong() + ",\"cardToken\":\"tok_refund_fails\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        Answer refunded = manager.post("/orders/" + orderId + "/refund", null);
        assertThat(refunded.json().path("payments").get(0).path("status").asText())
                .isEqualTo("REFUND_FAILED");
        return orderId;
    }

    private static String ticket(String holdId, String seat) {
        return "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"" + seat + "\",\"type\":\"ADULT\"}]}";
    }

    private JsonNode listed(String orderId) {
        for (JsonNode row : manager.get("/admin/refunds/failed").json()) {
            if (row.path("orderId").asText().equals(orderId)) {
                return row;
            }
        }
        return null;
    }

    private Answer webhook(String event) {
        String secret = server.jdbi()
                .withHandle(h -> h.createQuery("select value from server_settings where key = 'secret.payment-webhook'")
                        .mapTo(String.class)
                        .one());
        String signature =
                new WebhookSignature(Base64.getDecoder().decode(secret)).sign(event.getBytes(StandardCharsets.UTF_8));
        return server.client(null).post("/payments/webhook", event, WebhookSignature.HEADER, signature);
    }

    private String paymentOf(String orderId) {
        return query(
                "select id::text from payments where order_id = cast(:o as uuid) and provider_ref is not null",
                orderId);
    }

    private String providerRef(String orderId) {
        return query(
                "select provider_ref from payments where order_id = cast(:o as uuid) and provider_ref is not null",
                orderId);
    }

    private String status(String paymentId) {
        return query("select status from payments where id = cast(:o as uuid)", paymentId);
    }

    private boolean retrying(String paymentId) {
        return Boolean.parseBoolean(query(
                "select (refund_retrying_since is not null)::text from payments where id = cast(:o as uuid)",
                paymentId));
    }

    private long cashMoves(String paymentId) {
        return Long.parseLong(
                query("select count(*)::text from cash_moves where payment_id = cast(:o as uuid)", paymentId));
    }

    private String query(String sql, String id) {
        return server.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("o", id).mapTo(String.class).one());
    }
}
