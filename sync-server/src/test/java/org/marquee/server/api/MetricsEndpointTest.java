package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** {@code GET /metrics} as Prometheus scrapes it: no token, counts by route template, never an id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("metrics", TestServer.Options.defaults());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void countsRequestsByRouteTemplateAndHoldDecisionsWithoutAnyId() {
        long showtime = server.bigHallShowtime();
        ApiClient kiosk = server.kiosk(1);
        String before = scrape();
        Answer granted = kiosk.post("/holds", holdBody(showtime, List.of("F7", "F8")));
        assertThat(granted.status()).isEqualTo(201);
        String holdId = granted.json().path("holdId").asText();
        kiosk.get("/holds/" + holdId);
        kiosk.get("/holds/" + UUID.randomUUID());
        assertThat(server.kiosk(2)
                        .post("/holds", holdBody(showtime, List.of("F8")))
                        .status())
                .isEqualTo(409);
        server.kiosk(2).get("/no/such/" + UUID.randomUUID());
        server.client(null).send("HEAD", "/health", new byte[0]);

        Answer metrics = server.client(null).get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(increase(before, text, "marquee_holds_total{outcome=\"granted\"}"))
                .isEqualTo(1);
        assertThat(increase(before, text, "marquee_holds_total{outcome=\"refused\"}"))
                .isEqualTo(1);
        String requests = "marquee_http_requests_seconds_count{method=\"%s\",route=\"%s\",status=\"%d\"}";
        assertThat(increase(before, text, requests.formatted("POST", "/api/v1/holds", 201)))
                .isEqualTo(1);
        assertThat(increase(before, text, requests.formatted("POST", "/api/v1/holds", 409)))
                .isEqualTo(1);
        assertThat(increase(before, text, requests.formatted("GET", "/api/v1/holds/{id}", 200)))
                .isEqualTo(1);
        assertThat(increase(before, text, requests.formatted("GET", "/api/v1/holds/{id}", 404)))
                .isEqualTo(1);
        assertThat(increase(before, text, requests.formatted("HEAD", "/api/v1/health", 200)))
                .as("HEAD is answered by the GET route")
                .isEqualTo(1);
        assertThat(text)
                .contains(requests.formatted("GET", "unmatched", 404))
                .contains("marquee_http_requests_seconds_bucket{");
        assertThat(text).as("JVM and connection pool meters").contains("jvm_memory_used_bytes", "hikaricp_connections");
        assertThat(UUID_TEXT.matcher(text).find())
                .as("no id of any kind in the metrics")
                .isFalse();
        assertThat(text).doesNotContain("demo-kiosk");
    }

    @Test
    void countsPaidOrdersByMethod() {
        long showtime = server.bigHallShowtime();
        ApiClient kiosk = server.kiosk(3);
        String before = scrape();
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("G4")))
                .json()
                .path("holdId")
                .asText();
        String orderId = kiosk.post(
                        "/orders",
                        "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"G4\",\"type\":\"ADULT\"}]}")
                .json()
                .path("orderId")
                .asText();
        assertThat(kiosk.post(
                                "/orders/" + orderId + "/payments",
                                "{\"method\":\"CARD\",\"amountMinor\":1250,\"cardToken\":\"tok_visa\"}")
                        .status())
                .isEqualTo(200);

        String after = scrape();
        assertThat(increase(before, after, "marquee_orders_paid_total{method=\"CARD\"}"))
                .isEqualTo(1);
        assertThat(after).containsPattern("route=\"/api/v1/orders/\\{id}/payments\",status=\"200\"");
    }

    private String scrape() {
        return server.client(null).get("/metrics").body();
    }

    /** How much a series grew between two scrapes; a series not there yet counts as 0. */
    private static double increase(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    private static double value(String text, String series) {
        return text.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElse(0);
    }
}
