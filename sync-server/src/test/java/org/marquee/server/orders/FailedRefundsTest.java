package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.payments.SimulatedCardTerminal;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * A card refund the provider refuses (DESIGN §7.3), as a manager meets it: the order is refunded and its seats free,
 * but the payment reads REFUND_FAILED, it is listed with what the customer is owed, and a manager pays it out in cash
 * from their own drawer, once. Retries are an hour away here, so that nothing but the test changes a payment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedRefundsTest {

    private TestServer server;
    private ApiClient manager;
    private long showtime;
    private SimulatedCardTerminal terminal;

    @BeforeAll
    void start() {
        server =
                TestServer.start("failed-refunds", TestServer.Options.defaults().refundRetryEvery(Duration.ofHours(1)));
        manager = server.manager();
        showtime = server.bigHallShowtime();
        terminal = server.server().simulatedCardTerminal().orElseThrow();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aRefundTheProviderRefusesIsFailedNotApprovedAndListed() {
        JsonNode sale = sell(server.kiosk(1), "C7", "refused@example.com", "tok_refund_fails");
        String orderId = sale.path("orderId").asText();
        JsonNode paid = server.kiosk(1).get("/orders/" + orderId).json();
        assertThat(paid.path("payments").get(0).path("status").asText())
                .as("the simulated terminal approves tok_refund_fails")
                .isEqualTo("APPROVED");
        assertThat(paid.path("payments").get(0).path("cardLast4").asText()).isEqualTo("0341");
        String providerRef = paid.path("payments").get(0).path("providerRef").asText();

        Answer refunded = manager.post("/orders/" + orderId + "/refund", null);

        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("status").asText())
                .as("the order is refunded: its tickets are no good any more")
                .isEqualTo("REFUNDED");
        assertThat(refunded.json().path("payments").get(0).path("status").asText())
                .isEqualTo("REFUND_FAILED");
        assertThat(server.clerk()
                        .get("/orders/" + sale.path("code").asText())
                        .json()
                        .path("payments")
                        .get(0)
                        .path("status")
                        .asText())
                .as("the counter's lookup sees it")
                .isEqualTo("REFUND_FAILED");
        assertThat(seat("C7")).isEqualTo("AVAILABLE");
        assertThat(terminal.refunded(providerRef)).as("no money went back").isFalse();

        JsonNode failed = listed(orderId, 1);
        assertThat(failed).as("listed for theater 1").isNotNull();
        assertThat(failed.path("orderCode").asText())
                .isEqualTo(sale.path("code").asText());
        assertThat(failed.path("amountMinor").asLong())
                .isEqualTo(sale.path("totalMinor").asLong());
        assertThat(failed.path("currency").asText()).isEqualTo("EUR");
        assertThat(failed.path("cardLast4").asText()).isEqualTo("0341");
        assertThat(failed.path("customerEmail").asText()).isEqualTo("refused@example.com");
        assertThat(failed.path("showtimeId").asLong()).isEqualTo(showtime);
        assertThat(failed.path("movieTitle").asText()).isNotBlank();
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asText()).contains("refused");
        assertThat(Instant.parse(failed.path("nextAttemptAt").asText()))
                .as("the next try, an hour away in this test")
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(Instant.parse(failed.path("failedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(listed(orderId, 2)).as("not another theater's").isNull();

        JsonNode audit = null;
        for (JsonNode entry : manager.get("/admin/audit?action=ORDER_REFUNDED").json()) {
            if (entry.path("entityId").asText().equals(orderId)) {
                audit = entry;
            }
        }
        assertThat(audit).isNotNull();
        assertThat(audit.path("details").path("cardRefund").asText()).isEqualTo("FAILED");

        Answer again = manager.post("/orders/" + orderId + "/refund", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(listed(orderId, 1).path("attempts").asInt())
                .as("refunding again changes nothing")
                .isEqualTo(1);
    }

    @Test
    void aManagerPaysItOutInCashFromTheirOwnDrawerOnce() {
        ApiClient morgan = server.client(server.signIn("morgan", "9999"));
        morgan.post("/shifts/current/close", "{\"countedCashMinor\":0}");
        String orderId = refusedRefund("D7");
        JsonNode failed = listed(orderId, null);
        String paymentId = failed.path("paymentId").asText();
        long owed = failed.path("amountMinor").asLong();

        Answer paidOut = morgan.post(
                "/admin/refunds/" + paymentId + "/paid-in-cash", null, "Idempotency-Key", "payout-" + paymentId);

        assertThat(paidOut.status()).as(paidOut.body()).isEqualTo(200);
        assertThat(paidOut.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(paidOut.json().path("payments").get(0).path("status").asText())
                .isEqualTo("REFUNDED");
        JsonNode drawer = morgan.get("/shifts/current").json();
        assertThat(drawer.path("floatMinor").asLong())
                .as("opened by the payout, with float 0")
                .isZero();
        assertThat(drawer.path("cashRefundsMinor").asLong()).isEqualTo(owed);
        assertThat(drawer.path("expectedCashMinor").asLong()).isEqualTo(-owed);
        assertThat(listed(orderId, null)).as("settled: off the list").isNull();
        assertThat(note(paymentId)).contains("cash").contains("morgan");

        JsonNode entry =
                manager.get("/admin/audit?action=REFUND_PAID_IN_CASH").json().get(0);
        assertThat(entry.path("entityId").asText()).isEqualTo(paymentId);
        assertThat(entry.path("actor").path("username").asText()).isEqualTo("morgan");
        assertThat(entry.path("details").path("amountMinor").asLong()).isEqualTo(owed);
        assertThat(entry.path("details").path("orderId").asText()).isEqualTo(orderId);

        Answer replay = morgan.post(
                "/admin/refunds/" + paymentId + "/paid-in-cash", null, "Idempotency-Key", "payout-" + paymentId);
        assertThat(replay.status())
                .as("the same request again: the same answer")
                .isEqualTo(200);
        Answer second = morgan.post("/admin/refunds/" + paymentId + "/paid-in-cash", null);
        assertThat(second.status()).as("a second payout").isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("CONFLICT");
        assertThat(morgan.get("/shifts/current").json().path("cashRefundsMinor").asLong())
                .as("the cash went out once")
                .isEqualTo(owed);
        assertThat(manager.get("/admin/audit?action=REFUND_PAID_IN_CASH").json().findValuesAsText("entityId").stream()
                        .filter(paymentId::equals)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void unknownPaymentsAndRefundsThatDidNotFailAreRefusedAndChangeNothing() {
        assertThat(manager.post("/admin/refunds/" + UUID.randomUUID() + "/paid-in-cash", null)
                        .status())
                .isEqualTo(404);
        assertThat(manager.post("/admin/refunds/not-a-payment/paid-in-cash", null)
                        .errorCode())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(manager.get("/admin/refunds/failed?theaterId=one").status()).isEqualTo(400);

        String orderId =
                sell(server.kiosk(2), "E7", null, "tok_visa").path("orderId").asText();
        String paymentId = paymentOf(orderId);
        Answer notFailed = manager.post("/admin/refunds/" + paymentId + "/paid-in-cash", null);
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.json().path("error").path("details").path("status").asText())
                .isEqualTo("APPROVED");
        assertThat(server.kiosk(2)
                        .get("/orders/" + orderId)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAID");
        assertThat(cashMoves(paymentId)).isZero();

        String refusedOrder = refusedRefund("F7");
        String refused = listed(refusedOrder, null).path("paymentId").asText();
        assertThat(server.clerk()
                        .post("/admin/refunds/" + refused + "/paid-in-cash", null)
                        .status())
                .isEqualTo(403);
        assertThat(server.kiosk(1).get("/admin/refunds/failed").status()).isEqualTo(403);
        assertThat(listed(refusedOrder, null)).as("still owed").isNotNull();
        assertThat(cashMoves(refused)).isZero();
    }

    /** A kiosk's tok_refund_fails sale of {@code seat} that the manager refunds; the order's id. */
    private String refusedRefund(String seat) {
        String orderId = sell(server.kiosk(3), seat, null, "tok_refund_fails")
                .path("orderId")
                .asText();
        assertThat(manager.post("/orders/" + orderId + "/refund", null).status())
                .isEqualTo(200);
        return orderId;
    }

    private JsonNode sell(ApiClient kiosk, String seat, String email, String cardToken) {
        Answer hold = kiosk.post("/holds", Bodies.holdBody(showtime, List.of(seat)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer order = kiosk.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\"" + seat
                        + "\",\"type\":\"ADULT\"}]" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        long total = order.json().path("totalMinor").asLong();
        Answer paid = kiosk.post(
                "/orders/" + order.json().path("orderId").asText() + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":" + total + ",\"cardToken\":\"" + cardToken + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return order.json();
    }

    private JsonNode listed(String orderId, Integer theaterId) {
        Answer list = manager.get("/admin/refunds/failed" + (theaterId == null ? "" : "?theaterId=" + theaterId));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode row : list.json()) {
            if (row.path("orderId").asText().equals(orderId)) {
                return row;
            }
        }
        return null;
    }

    private String seat(String id) {
        for (JsonNode seat :
                manager.get("/showtimes/" + showtime + "/seats").json().path("seats")) {
            if (seat.path("id").asText().equals(id)) {
                return seat.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + id);
    }

    private String paymentOf(String orderId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select id::text from payments where order_id = cast(:o as uuid)")
                        .bind("o", orderId)
                        .mapTo(String.class)
                        .one());
    }

    private String note(String paymentId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select note from payments where id = cast(:p as uuid)")
                        .bind("p", paymentId)
                        .mapTo(String.class)
                        .one());
    }

    private long cashMoves(String paymentId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from cash_moves where payment_id = cast(:p as uuid)")
                        .bind("p", paymentId)
                        .mapTo(Long.class)
                        .one());
    }
}
