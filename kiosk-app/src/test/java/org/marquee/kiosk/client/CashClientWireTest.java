package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.model.FailedRefund;
import org.marquee.model.PaymentView;

/**
 * The failed-refund endpoints on the wire as DESIGN §7.3 writes them (the server's side is built on another branch;
 * once merged, a test against the real server belongs beside {@link CashClientServerTest}): the list's path and
 * theater filter, the settlement's path with an Idempotency-Key and the manager's bearer, and its 409 read back with
 * the server's words. A small HTTP server on this branch's port range records each request and answers what the test
 * tells it to.
 */
class CashClientWireTest {

    private static final int PORT = 21211;

    private record Seen(String method, String path, String query, String bearer, String key) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "[]";
    private HttpServer http;
    private MarqueeCashClient cash;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        http.createContext("/", this::handle);
        http.start();
        MarqueeClient client = new MarqueeClient("http://127.0.0.1:" + PORT, "counter-token");
        client.useToken("manager-session");
        cash = new MarqueeCashClient(client);
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Test
    void theFailedRefundsOfATheaterAreReadAsTheRecordSays() {
        answer = """
                [{"paymentId":"5b1f0a3e-8f7c-4f0e-9a51-2a7e1c0d9b11","orderId":"0c8e2f4a-1d3b-4c5e-8f9a-b7c6d5e4f3a2",
                  "orderCode":"K7Q2XM","showtimeId":12,"movieTitle":"Dune","startsAt":"2026-11-30T19:00:00Z",
                  "amountMinor":2200,"currency":"EUR","cardLast4":"0019","customerEmail":"ana@example.com",
                  "attempts":3,"failedAt":"2026-11-30T17:00:00Z","nextAttemptAt":"2026-11-30T18:30:00Z",
                  "lastError":"refund refused by the card provider"}]""";

        List<FailedRefund> refunds = cash.failedRefunds(1L);

        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.orderCode()).isEqualTo("K7Q2XM");
            assertThat(refund.amountMinor()).isEqualTo(2200);
            assertThat(refund.attempts()).isEqualTo(3);
            assertThat(refund.cardLast4()).isEqualTo("0019");
        });
        assertThat(seen.getFirst())
                .isEqualTo(
                        new Seen("GET", "/api/v1/admin/refunds/failed", "theaterId=1", "Bearer manager-session", null));
        cash.failedRefunds(null);
        assertThat(seen.getLast().query()).isNull();
    }

    @Test
    void aPayOutIsPostedOnceWithItsKeyAndARetryThatWentThroughIsA409() {
        UUID payment = UUID.fromString("5b1f0a3e-8f7c-4f0e-9a51-2a7e1c0d9b11");
        answer = """
                {"method":"CARD","status":"REFUNDED","amountMinor":2200,"currency":"EUR","providerRef":"sim_1",
                 "cardLast4":"0019","tenderedMinor":null,"changeMinor":null,"createdAt":"2026-11-30T17:00:00Z"}""";
        PaymentView paid = cash.paidInCash(payment);
        assertThat(paid.status()).isEqualTo("REFUNDED");
        Seen post = seen.getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/v1/admin/refunds/" + payment + "/paid-in-cash");
        assertThat(post.key()).isNotBlank();

        status = 409;
        answer = """
                {"error":{"code":"CONFLICT","message":"This payment is no longer REFUND_FAILED.","details":{}}}""";
        ApiProblem retried = catchThrowableOfType(ApiProblem.class, () -> cash.paidInCash(payment));
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.getMessage()).isEqualTo("This payment is no longer REFUND_FAILED.");
    }
}
