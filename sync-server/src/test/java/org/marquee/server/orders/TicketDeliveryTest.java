package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;
import org.marquee.server.tickets.MailSettings;

/** The last step of a sale: printable tickets over HTTP, and the confirmation e-mail through a real SMTP server. */
class TicketDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestServer server;

    @BeforeEach
    void start() {
        var mail = new MailSettings(
                "127.0.0.1", smtp.getSmtp().getPort(), null, null, "Marquee <tickets@marquee.test>", false);
        server = TestServer.start("delivery", TestServer.Options.defaults().mailVia(mail));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPaidOrderPrintsAsAPdfWithOnePagePerTicketAndIsMailedToTheCustomer() throws Exception {
        ApiClient kiosk = server.kiosk(1);
        long showtime = server.bigHallShowtime();
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("E5", "E6")))
                .json()
                .path("holdId")
                .asText();
        var order = kiosk.post("/orders", orderBody(holdId, "E5", "ADULT", "E6", "ADULT", "lucia@example.com"))
                .json();
        String orderId = order.path("orderId").asText();
        String code = order.path("code").asText();

        assertThat(pdf(kiosk, orderId).statusCode())
                .as("no tickets before payment")
                .isEqualTo(409);
        assertThat(kiosk.post("/orders/" + orderId + "/payments", card(2500, "tok_visa"))
                        .status())
                .isEqualTo(200);

        HttpResponse<byte[]> pdf = pdf(kiosk, orderId);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Gran Vía 66, 28013 Madrid", code, "Sala 1", "€12.50");
        }
        assertThat(pdf(server.kiosk(2), orderId).statusCode())
                .as("another kiosk's order")
                .isEqualTo(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lucia@example.com");
        assertThat(mail.getSubject()).contains(code);
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("marquee-" + code + ".pdf");
    }

    @Test
    void aCustomerCanAskForTheTicketsByEmailAfterPaying() throws Exception {
        ApiClient clerk = server.client(server.counter()
                .post("/sessions", "{\"username\":\"alice\",\"pin\":\"1234\"}")
                .json()
                .path("token")
                .asText());
        long showtime = server.bigHallShowtime();
        String holdId = clerk.post("/holds", holdBody(showtime, List.of("D9")))
                .json()
                .path("holdId")
                .asText();
        String orderId = clerk.post("/orders", orderBody(holdId, "D9", "SENIOR", null, null, null))
                .json()
                .path("orderId")
                .asText();
        clerk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":1000,\"tenderedMinor\":1000}");
        assertThat(smtp.getReceivedMessages()).as("no address, no mail").isEmpty();

        assertThat(clerk.post("/orders/" + orderId + "/email", "{\"email\":\"nope\"}")
                        .status())
                .isEqualTo(422);
        var sent = clerk.post("/orders/" + orderId + "/email", "{\"email\":\"pablo@example.com\"}");

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().path("email").asText()).isEqualTo("pablo@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("pablo@example.com");
    }

    private static HttpResponse<byte[]> pdf(ApiClient client, String orderId) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(client.baseUri() + "/api/v1/orders/" + orderId + "/tickets.pdf"))
                                .header("Authorization", "Bearer " + client.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
