package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * What an order request may carry: e-mail addresses that are addresses, numbers that are numbers, and booking-code
 * lookups that say what they did not find and slow down a terminal that keeps guessing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderInputTest {

    private TestServer server;
    private long showtime;
    private ApiClient clerk;
    private Paid paid;

    /** A paid order of kiosk 1 with its e-mail. */
    record Paid(String orderId, String code, String email) {}

    @BeforeAll
    void start() {
        server = TestServer.start("order_input", TestServer.Options.defaults().kiosks(7));
        // seats are held one by one wherever a test needs them: the single-seat rule (DESIGN §8) is not the subject
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
        Answer session = server.counter().post("/sessions", "{\"username\":\"alice\",\"pin\":\"1234\"}");
        clerk = server.client(session.json().path("token").asText());
        paid = pay(server.kiosk(1), "K1", "ana@example.com");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "email \"{0}\" at POST /orders")
    @ValueSource(
            strings = {
                "",
                " ",
                "<script>@example.com",
                "ana@example",
                "ana@@example.com",
                "ana example@example.com",
                "\\\"ana\\\"@example.com",
                "ana@exa_mple.com",
                "ana.@example.com",
                "@example.com"
            })
    void anOrderWithAnEmailThatIsNotOneIsInvalid(String email) {
        ApiClient kiosk = server.kiosk(2);
        String holdId = hold(kiosk, "K3");
        Answer answer = kiosk.post("/orders", orderBody(holdId, "K3", "ADULT", null, null, email));
        assertInvalidEmail(answer);
        kiosk.delete("/holds/" + holdId);
    }

    @ParameterizedTest(name = "email \"{0}\" at POST /orders/ID/email")
    @ValueSource(strings = {"", " ", "<script>@example.com", "ana@localhost"})
    void sendingTicketsToAnEmailThatIsNotOneIsInvalid(String email) {
        Answer answer = server.kiosk(1).post("/orders/" + paid.orderId() + "/email", "{\"email\":\"" + email + "\"}");
        assertInvalidEmail(answer);
    }

    @Test
    void sendingTicketsWithoutAnEmailIsInvalid() {
        assertInvalidEmail(server.kiosk(1).post("/orders/" + paid.orderId() + "/email", "{}"));
    }

    @Test
    void aPlainAddressIsTakenAsGiven() {
        Answer answer = server.kiosk(1)
                .post("/orders/" + paid.orderId() + "/email", "{\"email\":\" o'brien+x@mail.example.ie \"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().path("email").asText()).isEqualTo("o'brien+x@mail.example.ie");
        server.kiosk(1).post("/orders/" + paid.orderId() + "/email", "{\"email\":\"" + paid.email() + "\"}");
    }

    @Test
    void anAmountWrittenAsTextIsRefused() {
        ApiClient kiosk = server.kiosk(2);
        String holdId = hold(kiosk, "K5");
        Answer order = kiosk.post("/orders", orderBody(holdId, "K5", "ADULT", null, null, null));
        String orderId = order.json().path("orderId").asText();
        long total = order.json().path("totalMinor").asLong();

        Answer answer = kiosk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":\"" + total + "\",\"cardToken\":\"tok_visa\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.json().path("error").path("message").asText())
                .isEqualTo("'amountMinor' must be a whole number, written without quotes.");
        assertThat(kiosk.get("/orders/" + orderId).json().path("status").asText())
                .isEqualTo("PENDING_PAYMENT");
        kiosk.post("/orders/" + orderId + "/cancel", null);
    }

    @Test
    void otherScalarsOfTheWrongKindAreRefused() {
        Answer idAsText = server.kiosk(3).post("/holds", "{\"showtimeId\":\"" + showtime + "\",\"seatIds\":[\"K7\"]}");
        assertThat(idAsText.status()).as(idAsText.body()).isEqualTo(400);
        assertThat(idAsText.json().path("error").path("message").asText()).startsWith("'showtimeId' must be");

        Answer pinAsNumber = server.counter().post("/sessions", "{\"username\":\"alice\",\"pin\":1234}");
        assertThat(pinAsNumber.status()).as(pinAsNumber.body()).isEqualTo(400);
        assertThat(pinAsNumber.json().path("error").path("message").asText())
                .isEqualTo("'pin' must be text in quotes.");

        ApiClient kiosk = server.kiosk(3);
        String holdId = hold(kiosk, "K7");
        Answer typeAsNumber =
                kiosk.post("/orders", "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"K7\",\"type\":0}]}");
        assertThat(typeAsNumber.status()).as(typeAsNumber.body()).isEqualTo(400);
        assertThat(typeAsNumber.json().path("error").path("message").asText())
                .isEqualTo("'tickets[0].type' must be one of ADULT, CHILD, SENIOR.");
        kiosk.delete("/holds/" + holdId);
    }

    @Test
    void aBadOrderIdIsNamedWithTheRightArticle() {
        Answer answer = server.kiosk(1).get("/orders/not-an-id/tickets.pdf");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").path("message").asText()).startsWith("An order id looks like");
    }

    @Test
    void aCodeThatWasNeverIssuedIsNamedInTheAnswer() {
        Answer staff = clerk.get("/orders/ZZZZZZ");
        assertThat(staff.status()).as(staff.body()).isEqualTo(404);
        assertThat(staff.json().path("error").path("message").asText()).isEqualTo("No order with code ZZZZZZ.");
        Answer kiosk = server.kiosk(4).get("/orders/acdefg?email=ana@example.com");
        assertThat(kiosk.status()).as(kiosk.body()).isEqualTo(404);
        assertThat(kiosk.json().path("error").path("message").asText())
                .isEqualTo("No order with code ACDEFG and this e-mail.");
    }

    @Test
    void aTerminalThatKeepsMissingCodesIsSlowedDownAlone() {
        ApiClient guesser = server.kiosk(5);
        for (int i = 0; i < CodeGuesses.LIMIT; i++) {
            assertThat(guesser.get("/orders/" + guess(i) + "?email=x@example.com")
                            .status())
                    .as("miss %d", i)
                    .isEqualTo(404);
        }
        Answer refused = guesser.get("/orders/" + guess(99) + "?email=x@example.com");
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // even the right code and e-mail wait: otherwise a guesser would learn that this one exists
        assertThat(guesser.get("/orders/" + paid.code() + "?email=" + paid.email())
                        .status())
                .isEqualTo(429);
        // another terminal is not held back
        assertThat(server.kiosk(6)
                        .get("/orders/" + paid.code() + "?email=" + paid.email())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aHitForgetsTheMisses() {
        // a kiosk that no other test of this class looks codes up with
        ApiClient kiosk = server.kiosk(7);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < CodeGuesses.LIMIT - 1; i++) {
                assertThat(kiosk.get("/orders/" + guess(i) + "?email=x@example.com")
                                .status())
                        .as("round %d, miss %d", round, i)
                        .isEqualTo(404);
            }
            assertThat(kiosk.get("/orders/" + paid.code() + "?email=" + paid.email())
                            .status())
                    .isEqualTo(200);
        }
    }

    /** A code of the right alphabet that no order has (codes are random; these are not worth the odds). */
    private static String guess(int i) {
        return "QQ" + "ACDEFGHJKMNPQRTUVWXY3479".charAt(i % 24) + "QQ" + "ACDE".charAt(i / 24 % 4);
    }

    private static void assertInvalidEmail(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.json().path("error").path("message").asText()).contains("'email'");
        assertThat(answer.json().path("error").path("details").path("field").asText())
                .isEqualTo("email");
    }

    private String hold(ApiClient client, String seat) {
        Answer answer = client.post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    private Paid pay(ApiClient kiosk, String seat, String email) {
        Answer order = kiosk.post("/orders", orderBody(hold(kiosk, seat), seat, "ADULT", null, null, email));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String orderId = order.json().path("orderId").asText();
        Answer paidAnswer = kiosk.post(
                "/orders/" + orderId + "/payments",
                card(order.json().path("totalMinor").asLong(), "tok_visa"));
        assertThat(paidAnswer.status()).as(paidAnswer.body()).isEqualTo(200);
        return new Paid(orderId, order.json().path("code").asText(), email);
    }
}
