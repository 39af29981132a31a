package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.model.SignedTicketToken;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** A whole sale as terminals drive it over HTTP: hold, order, payment, tickets; and what goes wrong on the way. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleFlowTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("sales", TestServer.Options.defaults().kiosks(6));
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aKioskCustomerBuysTwoSeatsByCardAndGetsTicketsADoorScannerAccepts() throws Exception {
        ApiClient kiosk = server.kiosk(1);
        String holdId = hold(kiosk, "F7", "F8");

        Answer order = kiosk.post("/orders", orderBody(holdId, "F7", "ADULT", "F8", "CHILD", "ana@example.com"));
        assertThat(order.status()).isEqualTo(201);
        JsonNode created = order.json();
        assertThat(created.path("code").asText()).matches("[ACDEFGHJKMNPQRTUVWXY3479]{6}");
        assertThat(created.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(created.path("totalMinor").asLong())
                .as("IMAX: adult 1250 + child 950")
                .isEqualTo(2200);
        assertThat(created.path("currency").asText()).isEqualTo("EUR");
        assertThat(created.path("expiresAt").asText()).isNotBlank();

        String orderId = created.path("orderId").asText();
        Answer paid = kiosk.post("/orders/" + orderId + "/payments", card(2200, "tok_visa"));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("status").asText()).isEqualTo("PAID");
        JsonNode tickets = paid.json().path("tickets");
        assertThat(tickets).hasSize(2);
        JsonNode keys = kiosk.get("/ticket-keys").json();
        for (JsonNode ticket : tickets) {
            String token = ticket.path("token").asText();
            assertThat(org.marquee.server.testing.Doors.verifiesWithTheJdk(token, keys))
                    .as("signed with a published Ed25519 key")
                    .isTrue();
            var claims = SignedTicketToken.parse(token).orElseThrow().claims();
            assertThat(claims.ticketId()).isEqualTo(ticket.path("ticketId").asLong());
            assertThat(claims.orderCode()).isEqualTo(created.path("code").asText());
            assertThat(claims.showtimeId()).isEqualTo(showtime);
            assertThat(claims.seatId()).isEqualTo(ticket.path("seatId").asText());
        }
        assertThat(seatStatus("F7")).isEqualTo("SOLD");
        assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(server.kiosk(2)
                        .post("/holds", holdBody(showtime, List.of("F7")))
                        .status())
                .isEqualTo(409);

        JsonNode byCode = server.kiosk(3)
                .get("/orders/" + created.path("code").asText().toLowerCase() + "?email=ANA@example.com")
                .json();
        assertThat(byCode.path("status").asText()).isEqualTo("PAID");
        assertThat(byCode.path("payments").get(0).path("cardLast4").asText()).isEqualTo("4242");
    }

    @Test
    void aClerkSellsForCashAndGivesChange() {
        ApiClient clerk = server.client(signIn("alice", "1234"));
        String holdId = hold(clerk, "J5", "J6");
        JsonNode order = clerk.post("/orders", orderBody(holdId, "J5", "ADULT", "J6", "SENIOR", null))
                .json();
        assertThat(order.path("totalMinor").asLong())
                .as("IMAX premium row: (1250+300) + (1000+300)")
                .isEqualTo(2850);

        Answer paid = clerk.post(
                "/orders/" + order.path("orderId").asText() + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":2850,\"tenderedMinor\":3000}");

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("changeMinor").asLong()).isEqualTo(150);
        assertThat(seatStatus("J5")).isEqualTo("SOLD");
    }

    @Test
    void aDeclinedCardIsAClearMessageAndTheSeatsStayHeldForAnotherTry() {
        ApiClient kiosk = server.kiosk(4);
        String holdId = hold(kiosk, "G1");
        String orderId = order(kiosk, holdId, "G1");

        Answer declined = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_declined"));
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.errorCode()).isEqualTo("PAYMENT_DECLINED");
        assertThat(declined.json().path("error").path("message").asText()).contains("declined");
        assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(kiosk.get("/orders/" + orderId).json().path("status").asText())
                .isEqualTo("PAYMENT_FAILED");

        Answer second = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_visa"));
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void aCardTerminalThatNeverAnswersIsATimeoutAndNothingIsTaken() {
        ApiClient kiosk = server.kiosk(5);
        String holdId = hold(kiosk, "G3");
        String orderId = order(kiosk, holdId, "G3");

        Answer timeout = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_timeout"));

        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.errorCode()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(seatStatus("G3")).isEqualTo("HELD");
    }

    @Test
    void aManagerRefundsAPaidOrderAndItsSeatsAreForSaleAgain() {
        ApiClient clerk = server.client(signIn("alice", "1234"));
        String holdId = hold(clerk, "K9");
        String orderId = order(clerk, holdId, "K9");
        clerk.post("/orders/" + orderId + "/payments", card(1250, "tok_visa"));

        assertThat(clerk.post("/orders/" + orderId + "/refund", null).status())
                .as("a clerk may not")
                .isEqualTo(403);
        assertThat(clerk.post("/orders/" + orderId + "/cancel", null).status())
                .as("paid: refund, not cancel")
                .isEqualTo(409);
        ApiClient manager = server.client(signIn("morgan", "9999"));
        Answer refunded = manager.post("/orders/" + orderId + "/refund", null);

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().path("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.json().path("payments").get(0).path("status").asText())
                .isEqualTo("REFUNDED");
        assertThat(seatStatus("K9")).isEqualTo("AVAILABLE");
        assertThat(manager.post("/orders/" + orderId + "/refund", null).status())
                .as("twice is harmless")
                .isEqualTo(200);
    }

    @Test
    void cancellingAnUnpaidOrderFreesItsSeats() {
        ApiClient kiosk = server.kiosk(6);
        String holdId = hold(kiosk, "L11", "L12");
        String orderId = order(kiosk, holdId, "L11", "L12");

        Answer cancelled = kiosk.post("/orders/" + orderId + "/cancel", null);

        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(seatStatus("L11")).isEqualTo("AVAILABLE");
        assertThat(kiosk.post("/orders/" + orderId + "/payments", card(2500, "tok_visa"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void whoMaySellWhat() {
        ApiClient kiosk = server.kiosk(2);
        String holdId = hold(kiosk, "M20");
        String orderId = order(kiosk, holdId, "M20");

        Answer cash = kiosk.post("/orders/" + orderId + "/payments", "{\"method\":\"CASH\",\"amountMinor\":1250}");
        assertThat(cash.status()).isEqualTo(403);
        assertThat(cash.json().path("error").path("message").asText()).isEqualTo("Kiosks take cards only.");

        Answer counter = server.counter().post("/orders", orderBody(holdId, "M20", "ADULT", null, null, null));
        assertThat(counter.status()).isEqualTo(403);
        assertThat(counter.json().path("error").path("message").asText()).contains("clerk must sign in");

        assertThat(server.kiosk(3).get("/orders/" + orderId).status())
                .as("another kiosk's order")
                .isEqualTo(404);
        String code = kiosk.get("/orders/" + orderId).json().path("code").asText();
        assertThat(server.kiosk(3).get("/orders/" + code).status())
                .as("a code without e-mail")
                .isEqualTo(404);
    }

    @Test
    void badOrdersAndPaymentsAreRefusedClearly() {
        ApiClient kiosk = server.kiosk(3);
        String holdId = hold(kiosk, "N1", "N2");

        assertThat(kiosk.post("/orders", orderBody(holdId, "N1", "ADULT", null, null, null))
                        .json()
                        .path("error")
                        .path("details")
                        .path("missing"))
                .extracting(JsonNode::asText)
                .containsExactly("N2");
        assertThat(kiosk.post("/orders", orderBody(holdId, "N1", "ADULT", "N3", "ADULT", null))
                        .status())
                .isEqualTo(422);
        assertThat(kiosk.post("/orders", orderBody(holdId, "N1", "ADULT", "N2", "ADULT", "not-an-email"))
                        .status())
                .isEqualTo(422);
        assertThat(kiosk.post(
                                "/orders",
                                "{\"holdId\":\"" + holdId
                                        + "\",\"tickets\":[{\"seatId\":\"N1\",\"type\":\"PENSIONER\"}]}")
                        .status())
                .isEqualTo(400);
        String orderId = order(kiosk, holdId, "N1", "N2");
        assertThat(kiosk.post("/orders/" + orderId + "/payments", card(1, "tok_visa"))
                        .errorCode())
                .isEqualTo("INVALID_REQUEST");
        assertThat(kiosk.post("/orders/" + orderId + "/payments", "{\"method\":\"CARD\",\"amountMinor\":1900}")
                        .status())
                .isEqualTo(422);
        assertThat(kiosk.post("/orders/" + orderId + "/payments", "{\"amountMinor\":1900}")
                        .status())
                .isEqualTo(422);
        assertThat(kiosk.get("/orders/not-a-code").status()).isEqualTo(400);
    }

    private String signIn(String user, String pin) {
        return server.counter()
                .post("/sessions", "{\"username\":\"" + user + "\",\"pin\":\"" + pin + "\"}")
                .json()
                .path("token")
                .asText();
    }

    private String hold(ApiClient client, String... seats) {
        Answer answer = client.post("/holds", holdBody(showtime, List.of(seats)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    private String order(ApiClient client, String holdId, String... seats) {
        StringBuilder tickets = new StringBuilder();
        for (String seat : seats) {
            tickets.append(tickets.isEmpty() ? "" : ",")
                    .append("{\"seatId\":\"")
                    .append(seat)
                    .append("\",\"type\":\"ADULT\"}");
        }
        Answer answer = client.post("/orders", "{\"holdId\":\"" + holdId + "\",\"tickets\":[" + tickets + "]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("orderId").asText();
    }

    static String orderBody(String holdId, String seat1, String type1, String seat2, String type2, String email) {
        String tickets = "{\"seatId\":\"" + seat1 + "\",\"type\":\"" + type1 + "\"}"
                + (seat2 == null ? "" : ",{\"seatId\":\"" + seat2 + "\",\"type\":\"" + type2 + "\"}");
        return "{\"holdId\":\"" + holdId + "\",\"tickets\":[" + tickets + "]"
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
    }

    static String card(long amount, String token) {
        return "{\"method\":\"CARD\",\"amountMinor\":" + amount + ",\"cardToken\":\"" + token + "\"}";
    }

    private String seatStatus(String seatId) {
        for (JsonNode seat :
                server.kiosk(1).get("/showtimes/" + showtime + "/seats").json().path("seats")) {
            if (seat.path("id").asText().equals(seatId)) {
                return seat.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + seatId);
    }
}
