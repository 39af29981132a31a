package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;

/**
 * The terminal's language on the wire (issue 14, item 7): the order, the tickets' PDF and the e-mail are asked for
 * with {@code Accept-Language}, so the server writes the tickets in it; a language change reaches the next request.
 */
class SpokenLanguageTest {

    private final Map<String, String> languageByPath = new ConcurrentHashMap<>();
    private HttpServer http;
    private MarqueeClient client;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
        client = new MarqueeClient("http://127.0.0.1:" + http.getAddress().getPort(), "kiosk-token");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String language = exchange.getRequestHeaders().getFirst("Accept-Language");
        languageByPath.put(exchange.getRequestMethod() + " " + path, language == null ? "(none)" : language);
        byte[] answer;
        if (path.endsWith("tickets.pdf")) {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            answer = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer = ("{\"orderId\":\"" + UUID.randomUUID() + "\",\"code\":\"ABC234\",\"status\":\"PENDING_PAYMENT\","
                            + "\"totalMinor\":950,\"currency\":\"EUR\",\"tickets\":[],\"payments\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(path.endsWith("/orders") ? 201 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Test
    void aSpanishTerminalAsksForSpanishTicketsAndAnEnglishOneForEnglish() {
        UUID order = UUID.randomUUID();
        client.speak("es");

        client.order(UUID.randomUUID(), List.of(new TicketRequest("F7", TicketType.ADULT)), null);
        client.ticketsPdf(order);
        client.emailTickets(order, "ana@example.com");

        assertThat(languageByPath)
                .containsEntry("POST /api/v1/orders", "es")
                .containsEntry("GET /api/v1/orders/" + order + "/tickets.pdf", "es")
                .containsEntry("POST /api/v1/orders/" + order + "/email", "es");

        client.speak("en");
        client.ticketsPdf(order);

        assertThat(languageByPath).containsEntry("GET /api/v1/orders/" + order + "/tickets.pdf", "en");
    }
}
