package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.model.ErrorCode;

/**
 * The pick-up on the wire (DESIGN §4 and the additive code paths in API.md): the code in the path, the e-mail as a
 * query parameter or in the body, the PDF's bytes as they came, and the 429's {@code Retry-After} read into
 * {@link ApiProblem#retryAfterSeconds()}. A small HTTP server records each request and answers what the test says.
 */
class MarqueePickupClientTest {

    private record Seen(String method, String path, String query, String body, String key) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    private volatile String contentType = "application/json";
    private volatile String retryAfter;
    private HttpServer http;
    private TicketPickup pickup;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
        pickup = new MarqueeClient("http://127.0.0.1:" + http.getAddress().getPort(), "demo-kiosk-2").pickup();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        exchange.getResponseHeaders().add("Content-Type", contentType);
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Test
    void theTicketsComeByCodeWithTheEmailAndAreMailedAgainToIt() {
        byte[] pdf = "%PDF-1.7 two tickets".getBytes(StandardCharsets.ISO_8859_1);
        answer = pdf;
        contentType = "application/pdf";
        assertThat(pickup.ticketsPdf("K7QXPA", " lucia@example.com ")).isEqualTo(pdf);

        contentType = "application/json";
        status = 202;
        answer = """
                {"orderId":"4f1c1b7e-3a4c-4f0e-9d59-2b1f7f1d2a11","code":"K7QXPA","status":"PAID","showtimeId":42,
                 "holdId":"9e3c3c61-1f0a-4c57-a5d5-6a9c3a0f2b22","totalMinor":2500,"currency":"EUR",
                 "email":"lucia@example.com","tickets":[],"payments":[]}""".getBytes(StandardCharsets.UTF_8);
        assertThat(pickup.emailTickets("K7QXPA", "lucia@example.com").code()).isEqualTo("K7QXPA");

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(seen.get(0).path()).isEqualTo("/api/v1/orders/K7QXPA/tickets.pdf");
        assertThat(seen.get(0).query()).isEqualTo("email=lucia@example.com");
        assertThat(seen.get(1).method()).isEqualTo("POST");
        assertThat(seen.get(1).path()).isEqualTo("/api/v1/orders/K7QXPA/email");
        assertThat(seen.get(1).body()).isEqualTo("{\"email\":\"lucia@example.com\"}");
        assertThat(seen.get(1).key())
                .as("a mutation carries an Idempotency-Key")
                .isNotBlank();
    }

    @Test
    void aSlowedDownTerminalLearnsHowLongToWaitFromRetryAfter() {
        status = 429;
        retryAfter = "27";
        answer = """
                {"error":{"code":"RATE_LIMITED","message":"Too many booking codes that matched no order.","details":{}}}""".getBytes(StandardCharsets.UTF_8);

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> pickup.find("K7QXPA", "lucia@example.com"));

        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(problem.retryAfterSeconds()).isEqualTo(27);
        assertThat(seen.getFirst().path()).isEqualTo("/api/v1/orders/K7QXPA");
        assertThat(seen.getFirst().query()).isEqualTo("email=lucia@example.com");
    }

    @Test
    void aMissIsNotFoundAndCarriesNoWait() {
        status = 404;
        answer = """
                {"error":{"code":"NOT_FOUND","message":"No order with code K7QXPC and this e-mail.","details":{}}}""".getBytes(StandardCharsets.UTF_8);

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> pickup.ticketsPdf("K7QXPC", "a@example.com"));

        assertThat(problem.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(problem.retryAfterSeconds()).isZero();
    }
}
