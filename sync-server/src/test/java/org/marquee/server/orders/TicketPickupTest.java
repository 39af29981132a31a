package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;
import org.marquee.server.tickets.MailSettings;

/**
 * A kiosk customer picks up tickets bought elsewhere (issue 15): found by booking code and e-mail, printed and mailed
 * again by code, refused alike for a wrong code or a wrong e-mail, and a terminal that keeps missing is slowed down
 * alone, until the wait is over. The guess limit is shortened to 3 misses in 3 s so that the test can wait it out.
 */
class TicketPickupTest {

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final CodeGuessLimit LIMIT = new CodeGuessLimit(3, Duration.ofSeconds(3));

    private static TestServer server;

    @BeforeAll
    static void start() {
        var mail = new MailSettings(
                "127.0.0.1", smtp.getSmtp().getPort(), null, null, "Marquee <tickets@marquee.test>", false);
        server = TestServer.start(
                "pickup",
                TestServer.Options.defaults().mailVia(mail).kiosks(8),
                config -> config.withCodeGuesses(LIMIT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anotherKioskFindsPrintsAndMailsTheTicketsAgainWithTheCodeAndEmail() throws Exception {
        Sold sold = buy(server.kiosk(1), List.of("G5", "G6"), "Lucia.Perez@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("Lucia.Perez@example.com") == 1);
        ApiClient pickup = server.kiosk(2);

        // typed in lower case, the e-mail in another case: the customer's way of typing
        Answer found = pickup.get("/orders/" + sold.code().toLowerCase() + "?email=lucia.perez@EXAMPLE.com");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("status").asText()).isEqualTo("PAID");
        assertThat(found.json().path("tickets")).hasSize(2);

        HttpResponse<byte[]> pdf = pdf(pickup, sold.code() + "/tickets.pdf?email=lucia.perez@example.com");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(document)).contains(sold.code(), "Sala 1", "Row G");
        }

        Answer mailed = pickup.post("/orders/" + sold.code() + "/email", "{\"email\":\"lucia.perez@example.com\"}");
        assertThat(mailed.status()).as(mailed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("lucia.perez@example.com") == 2);

        // by id, the order stays the buying kiosk's own
        assertThat(pickup.get("/orders/" + sold.orderId() + "/tickets.pdf").status())
                .isEqualTo(404);
    }

    @Test
    void aWrongEmailIsRefusedExactlyLikeAWrongCodeAndSendsNothing() {
        Sold sold = buy(server.kiosk(3), List.of("H5"), "ana@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("ana@example.com") == 1);
        ApiClient pickup = server.kiosk(4);

        Answer wrongEmail = pickup.get("/orders/" + sold.code() + "?email=ana@example.org");
        Answer wrongCode = pickup.get("/orders/" + otherCode(sold.code()) + "?email=ana@example.com");
        assertThat(wrongEmail.status()).isEqualTo(404);
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongEmail.errorCode()).isEqualTo(wrongCode.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(wrongEmail.json().path("error").path("message").asText())
                .isEqualTo("No order with code " + sold.code() + " and this e-mail.");
        assertThat(wrongEmail.body()).doesNotContain("ana@example.com");

        // a hit forgets the two misses, then the tickets may not go to a stranger's address, nor be printed without it
        assertThat(pickup.get("/orders/" + sold.code() + "?email=ana@example.com")
                        .status())
                .isEqualTo(200);
        Answer redirected = pickup.post("/orders/" + sold.code() + "/email", "{\"email\":\"thief@example.org\"}");
        assertThat(redirected.status()).as(redirected.body()).isEqualTo(404);
        assertThat(pickup.get("/orders/" + sold.code() + "/tickets.pdf").status())
                .isEqualTo(404);
        assertThat(server.clerk()
                        .get("/orders/" + sold.code())
                        .json()
                        .path("email")
                        .asText())
                .isEqualTo("ana@example.com");
        assertThat(mailsTo("thief@example.org")).isZero();
    }

    @Test
    void aRefundedOrderIsShownAsRefundedAndHasNoTicketsToPrintOrSend() {
        Sold sold = buy(server.kiosk(5), List.of("J5"), "refund@example.com");
        assertThat(server.manager()
                        .post("/orders/" + sold.orderId() + "/refund", null)
                        .status())
                .isEqualTo(200);
        ApiClient pickup = server.kiosk(6);

        Answer found = pickup.get("/orders/" + sold.code() + "?email=refund@example.com");
        assertThat(found.json().path("status").asText()).isEqualTo("REFUNDED");
        Answer pdf = pickup.get("/orders/" + sold.code() + "/tickets.pdf?email=refund@example.com");
        assertThat(pdf.status()).isEqualTo(409);
        assertThat(pdf.json().path("error").path("message").asText()).contains("refunded");
        assertThat(pickup.post("/orders/" + sold.code() + "/email", "{\"email\":\"refund@example.com\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void missesSlowThatTerminalDownAloneAndTheRightCodeWorksAfterTheWait() {
        Sold sold = buy(server.kiosk(7), List.of("K5"), "guess@example.com");
        ApiClient guesser = server.kiosk(8);

        List<String> misses = List.of(
                "/orders/" + sold.code() + "?email=nobody@example.com", // the right code, the wrong e-mail
                "/orders/" + otherCode(sold.code()) + "?email=guess@example.com",
                "/orders/" + otherCode(sold.code()) + "/tickets.pdf?email=guess@example.com");
        assertThat(misses).hasSize(LIMIT.misses());
        for (String miss : misses) {
            assertThat(guesser.get(miss).status()).as(miss).isEqualTo(404);
        }
        Answer slowed = guesser.get("/orders/" + sold.code() + "?email=guess@example.com");
        assertThat(slowed.status()).as(slowed.body()).isEqualTo(429);
        assertThat(slowed.errorCode()).isEqualTo("RATE_LIMITED");
        long wait = Long.parseLong(slowed.header("Retry-After"));
        assertThat(wait).isBetween(1L, LIMIT.window().toSeconds());
        assertThat(slowed.json()
                        .path("error")
                        .path("details")
                        .path("retryAfterSeconds")
                        .asLong())
                .isEqualTo(wait);
        // the tickets by code wait too, or they would tell a guesser what the lookup will not
        assertThat(guesser.get("/orders/" + sold.code() + "/tickets.pdf?email=guess@example.com")
                        .status())
                .isEqualTo(429);

        // another terminal is not held back
        assertThat(server.kiosk(1)
                        .get("/orders/" + sold.code() + "?email=guess@example.com")
                        .status())
                .isEqualTo(200);

        // after the wait the right code and e-mail work again
        await().atMost(Duration.ofSeconds(wait + 2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> guesser.get("/orders/" + sold.code() + "?email=guess@example.com")
                                .status()
                        != 429);
        assertThat(guesser.get("/orders/" + sold.code() + "?email=guess@example.com")
                        .status())
                .isEqualTo(200);
    }

    private record Sold(String orderId, String code) {}

    private static Sold buy(ApiClient kiosk, List<String> seats, String email) {
        long showtime = server.bigHallShowtime();
        String holdId = kiosk.post("/holds", holdBody(showtime, seats))
                .json()
                .path("holdId")
                .asText();
        JsonNode order = kiosk.post(
                        "/orders",
                        orderBody(
                                holdId, seats.get(0), "ADULT", seats.size() > 1 ? seats.get(1) : null, "ADULT", email))
                .json();
        Answer paid = kiosk.post(
                "/orders/" + order.path("orderId").asText() + "/payments",
                card(order.path("totalMinor").asLong(), "tok_visa"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return new Sold(order.path("orderId").asText(), order.path("code").asText());
    }

    /** A code of the booking alphabet that differs from {@code code} in its last letter. */
    private static String otherCode(String code) {
        char last = code.charAt(5);
        return code.substring(0, 5) + (last == 'A' ? 'C' : 'A');
    }

    private static HttpResponse<byte[]> pdf(ApiClient client, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(client.baseUri() + "/api/v1/orders/" + path))
                                .header("Authorization", "Bearer " + client.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long mailsTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
