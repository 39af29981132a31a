package org.marquee.server.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * Cash shifts as a clerk and a manager live them (DESIGN §7.3): open with a float, sell for cash, a manager refunds
 * one sale in cash from their own drawer, the clerk counts and closes; the day's cash report shows both drawers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashShiftsTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("shifts", TestServer.Options.defaults());
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aClerksDrawerFromFloatToCountAndAManagersRefundFromTheirs() {
        ApiClient clerk = server.clerk();
        ApiClient manager = server.manager();
        // the other tests share alice and morgan: start from closed drawers
        clerk.post("/shifts/current/close", "{\"countedCashMinor\":0}");
        manager.post("/shifts/current/close", "{\"countedCashMinor\":0}");
        Answer opened = clerk.post("/shifts", "{\"floatMinor\":10000}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("floatMinor").asLong()).isEqualTo(10000);
        assertThat(opened.json().path("username").asText()).isEqualTo("alice");

        String cashOrder = sell(clerk, "J5", "J6", cash(3100, 3100), "sale-1");
        sell(clerk, "J7", "J8", "{\"method\":\"CARD\",\"amountMinor\":3100,\"cardToken\":\"tok_visa\"}", "sale-2");

        JsonNode current = clerk.get("/shifts/current").json();
        assertThat(current.path("cashSalesMinor").asLong())
                .as("the card sale is not cash")
                .isEqualTo(3100);
        assertThat(current.path("expectedCashMinor").asLong()).isEqualTo(13100);

        assertThat(manager.post("/orders/" + cashOrder + "/refund", null).status())
                .isEqualTo(200);
        JsonNode managers = manager.get("/shifts/current").json();
        assertThat(managers.path("floatMinor").asLong())
                .as("opened by the refund, with float 0")
                .isZero();
        assertThat(managers.path("cashRefundsMinor").asLong()).isEqualTo(3100);
        assertThat(managers.path("expectedCashMinor").asLong()).isEqualTo(-3100);
        assertThat(clerk.get("/shifts/current").json().path("cashRefundsMinor").asLong())
                .as("the clerk's drawer did not pay the refund")
                .isZero();

        Answer closed = clerk.post("/shifts/current/close", "{\"countedCashMinor\":13050}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("expectedCashMinor").asLong()).isEqualTo(13100);
        assertThat(closed.json().path("countedCashMinor").asLong()).isEqualTo(13050);
        assertThat(closed.json().path("varianceMinor").asLong())
                .as("50 cents missing")
                .isEqualTo(-50);
        assertThat(closed.json().path("closedAt").asText()).isNotBlank();
        assertThat(clerk.get("/shifts/current").status()).isEqualTo(404);

        String today = LocalDate.now(DemoFixture.ZONE).toString();
        JsonNode day =
                manager.get("/admin/reports/cash?theaterId=1&date=" + today).json();
        assertThat(day.findValuesAsText("username")).contains("alice", "morgan");
        for (JsonNode shift : day) {
            if (shift.path("shiftId").asLong() == closed.json().path("shiftId").asLong()) {
                assertThat(shift.path("varianceMinor").asLong()).isEqualTo(-50);
            }
        }
    }

    @Test
    void aRetriedCashPaymentIsCountedOnce() {
        ApiClient clerk = server.client(server.signIn("alice", "1234"));
        clerk.post("/shifts", "{\"floatMinor\":0}");
        long before = clerk.get("/shifts/current").json().path("cashSalesMinor").asLong();
        String orderId = order(clerk, "K5", "K6");

        for (int attempt = 0; attempt < 2; attempt++) {
            Answer paid = clerk.post(
                    "/orders/" + orderId + "/payments", cash(2500, 2500), "Idempotency-Key", "pay-" + orderId);
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        }

        assertThat(clerk.get("/shifts/current").json().path("cashSalesMinor").asLong() - before)
                .isEqualTo(2500);
    }

    @Test
    void twoOpensAtOnceOpenOneShift() throws Exception {
        String token = server.signIn("morgan", "9999");
        server.client(token).post("/shifts/current/close", "{\"countedCashMinor\":0}");
        Callable<Integer> open = () ->
                server.client(token).post("/shifts", "{\"floatMinor\":5000}").status();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> answers = pool.invokeAll(java.util.Collections.nCopies(8, open));
            long created = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(201, 409);
                created += status == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        }
    }

    @Test
    void badAmountsAreClearErrorsAndOnlyStaffHaveDrawers() {
        ApiClient clerk = server.client(server.signIn("alice", "1234"));
        assertThat(clerk.post("/shifts", "{}").errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(clerk.post("/shifts", "{\"floatMinor\":-1}").status()).isEqualTo(422);
        assertThat(clerk.post("/shifts", "{\"floatMinor\":\"ten\"}").status()).isEqualTo(400);
        assertThat(clerk.post("/shifts/current/close", "{\"countedCashMinor\":-5}")
                        .status())
                .isEqualTo(422);
        assertThat(server.kiosk(1).post("/shifts", "{\"floatMinor\":0}").status())
                .isEqualTo(403);
        assertThat(server.counter().get("/shifts/current").status()).isEqualTo(403);
        ApiClient manager = server.manager();
        assertThat(manager.get("/admin/reports/cash").status()).isEqualTo(422);
        assertThat(manager.get("/admin/reports/cash?theaterId=999").status()).isEqualTo(404);
    }

    private static String cash(long amount, long tendered) {
        return "{\"method\":\"CASH\",\"amountMinor\":" + amount + ",\"tenderedMinor\":" + tendered + "}";
    }

    private String order(ApiClient client, String first, String second) {
        Answer hold = client.post("/holds", Bodies.holdBody(showtime, List.of(first, second)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer order = client.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\"" + first
                        + "\",\"type\":\"ADULT\"},{\"seatId\":\"" + second + "\",\"type\":\"ADULT\"}]}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().path("orderId").asText();
    }

    private String sell(ApiClient client, String first, String second, String payment, String key) {
        String orderId = order(client, first, second);
        Answer paid = client.post("/orders/" + orderId + "/payments", payment, "Idempotency-Key", key);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return orderId;
    }
}
