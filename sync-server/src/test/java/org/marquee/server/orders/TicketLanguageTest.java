package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;
import org.marquee.server.tickets.MailSettings;

/**
 * Tickets in the order's language (issue 14, item 7): a terminal that speaks Spanish sends {@code Accept-Language: es}
 * when it makes the order and asks for the PDF; the PDF and the confirmation e-mail are then Spanish, with the
 * showtime's format on them. Against a real server, PostgreSQL and SMTP server.
 */
class TicketLanguageTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestServer server;

    @BeforeEach
    void start() {
        var mail = new MailSettings(
                "127.0.0.1", smtp.getSmtp().getPort(), null, null, "Marquee <tickets@marquee.test>", false);
        server =
                TestServer.start("ticketlanguage", TestServer.Options.defaults().mailVia(mail));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSpanishOrderGetsSpanishTicketsAndMailWithItsFormatAndEnglishWhenAskedFor() throws Exception {
        ApiClient kiosk = server.kiosk(1);
        JsonNode showtime = bigHall();
        String format = showtime.path("format").asText();
        String holdId = kiosk.post("/holds", holdBody(showtime.path("id").asLong(), List.of("E5", "E6")))
                .json()
                .path("holdId")
                .asText();
        var order = kiosk.post(
                        "/orders",
                        orderBody(holdId, "E5", "ADULT", "E6", "CHILD", "lucia@example.com"),
                        "Accept-Language",
                        "es-ES,es;q=0.9,en;q=0.5")
                .json();
        String orderId = order.path("orderId").asText();
        String code = order.path("code").asText();
        long total = order.path("totalMinor").asLong();
        assertThat(kiosk.post("/orders/" + orderId + "/payments", card(total, "tok_visa"))
                        .status())
                .isEqualTo(200);

        HttpResponse<byte[]> spanish = pdf(kiosk, orderId, null);
        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.headers().firstValue("Content-Language")).hasValue("es");
        String text = text(spanish.body());
        assertThat(text)
                .contains("SALA", "FILA", "BUTACA", "ENTRADA", "PRECIO", "Adulto", "Niño")
                .contains("Fila E · Butaca 5", "Entrada 1 de 2", "Reserva " + code, "Escanear en la entrada")
                .contains(format + " · ")
                .doesNotContain("AUDITORIUM", "Adult ", "Scan at the door");
        assertThat(text).as("the price written the Spanish way").containsPattern("\\d+,\\d\\d €");
        assertThat(text)
                .as("a Spanish day and month")
                .containsPattern("(lun|mar|mié|jue|vie|sáb|dom)\\.? \\d+ \\p{L}+");

        String english = text(pdf(kiosk, orderId, "en").body());
        assertThat(english)
                .as("a terminal switched to English asks for English")
                .contains("AUDITORIUM", "ROW", "SEAT", "Adult", "Child", "Row E · Seat 5", format + " · ")
                .containsPattern("€\\d+\\.\\d\\d");

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject())
                .isEqualTo("Sus entradas para "
                        + showtime.path("movie").path("title").asText() + " \u2014 reserva " + code);
        String body = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(body).contains("Gracias por su reserva.", "Fila E, butaca 5", "Código de reserva: " + code);
    }

    @Test
    void anOrderMadeWithoutALanguageIsEnglishAndAnUnknownLanguageToo() throws Exception {
        ApiClient kiosk = server.kiosk(2);
        var hold = kiosk.post("/holds", holdBody(bigHall().path("id").asLong(), List.of("H1", "H2")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String holdId = hold.json().path("holdId").asText();
        var order = kiosk.post(
                        "/orders", orderBody(holdId, "H1", "ADULT", "H2", "ADULT", null), "Accept-Language", "de")
                .json();
        String orderId = order.path("orderId").asText();
        var paid = kiosk.post(
                "/orders/" + orderId + "/payments",
                card(order.path("totalMinor").asLong(), "tok_visa"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);

        HttpResponse<byte[]> german = pdf(kiosk, orderId, null);
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(text(german.body())).contains("AUDITORIUM", "Row H · Seat 1");
        HttpResponse<byte[]> garbled = pdf(kiosk, orderId, "fr;q=1, ;;");
        assertThat(garbled.statusCode())
                .as("a header that cannot be read asks for nothing")
                .isEqualTo(200);
        assertThat(text(garbled.body())).contains("AUDITORIUM");
    }

    private JsonNode bigHall() {
        return server.showtimes(1, LocalDate.now(DemoFixture.ZONE).plusDays(1)).stream()
                .filter(s -> s.path("auditorium").path("name").asText().equals("Sala 1"))
                .findFirst()
                .orElseThrow();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static HttpResponse<byte[]> pdf(ApiClient client, String orderId, String language) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(client.baseUri() + "/api/v1/orders/" + orderId + "/tickets.pdf"))
                .header("Authorization", "Bearer " + client.token());
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
