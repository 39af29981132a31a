package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.Reports.SalesQuery;
import org.marquee.model.ErrorCode;
import org.marquee.model.LiveHold;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;

/**
 * Live holds and reports on the wire as DESIGN §7.3 and §7.4 write them: paths, query parameters, the bearer, the
 * Idempotency-Key of the force release, {@code Accept: text/csv} for the export, and refusals read with their field.
 * A small HTTP server records each request and answers what the test tells it to.
 */
class MarqueeDayClientTest {

    private record Seen(String method, String path, String query, String bearer, String key, String accept) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String answer = "{}";
    private HttpServer http;
    private MarqueeDayClient client;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
        MarqueeClient connection =
                new MarqueeClient("http://127.0.0.1:" + http.getAddress().getPort(), "counter");
        connection.useToken("manager-session");
        client = new MarqueeDayClient(connection);
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
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Accept")));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Test
    void liveHoldsAreReadPerTheaterAndReleasedWithTheReason() {
        answer = """
                [{"holdId":"7f000000-0000-0000-0000-000000000001","terminal":{"id":3,"name":"Lobby kiosk"},
                  "showtimeId":12,"movieTitle":"Dune","startsAt":"2026-11-30T19:00:00Z","seatIds":["C4","C5"],
                  "createdAt":"2026-11-30T18:01:00Z","expiresAt":"2026-11-30T18:09:00Z"}]""";
        List<LiveHold> holds = client.liveHolds(1L);

        assertThat(holds).singleElement().satisfies(hold -> {
            assertThat(hold.terminal().name()).isEqualTo("Lobby kiosk");
            assertThat(hold.seatIds()).containsExactly("C4", "C5");
            assertThat(hold.expiresAt()).isEqualTo(Instant.parse("2026-11-30T18:09:00Z"));
        });
        assertThat(seen.getFirst().path()).isEqualTo("/api/v1/admin/holds");
        assertThat(seen.getFirst().query()).isEqualTo("theaterId=1");
        assertThat(seen.getFirst().bearer()).isEqualTo("Bearer manager-session");

        client.liveHolds(null);
        assertThat(seen.get(1).query()).isNull();

        status = 204;
        answer = "";
        client.forceRelease(UUID.fromString("7f000000-0000-0000-0000-000000000001"), " customer left & gone ");
        Seen release = seen.getLast();
        assertThat(release.method()).isEqualTo("DELETE");
        assertThat(release.path()).isEqualTo("/api/v1/admin/holds/7f000000-0000-0000-0000-000000000001");
        assertThat(release.query()).isEqualTo("reason=customer%20left%20%26%20gone");
        assertThat(release.key()).isNotBlank();
    }

    @Test
    void aReleaseRefusedNamesWhy() {
        status = 409;
        answer = """
                {"error":{"code":"HOLD_NOT_ACTIVE","message":"This hold is no longer live; nothing to release."}}""";
        assertThatThrownBy(() -> client.forceRelease(UUID.randomUUID(), "stuck"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo(ErrorCode.HOLD_NOT_ACTIVE);
                    assertThat(problem.getMessage()).isEqualTo("This hold is no longer live; nothing to release.");
                });
    }

    @Test
    void salesAreAskedByPeriodTheaterAndGroupingAndTheCsvWithItsAcceptHeader() {
        answer = """
                {"currency":"EUR","from":"2026-11-23","to":"2026-11-29","groupBy":"paymentMethod",
                 "rows":[{"key":"CASH","label":"CASH","orders":3,"tickets":7,"grossMinor":6300,"refundsMinor":900,
                          "netMinor":5400}],
                 "totals":{"key":"total","label":"Total","orders":3,"tickets":7,"grossMinor":6300,
                          "refundsMinor":900,"netMinor":5400}}""";
        SalesQuery query = new SalesQuery(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), 1L, "paymentMethod");
        SalesReport report = client.sales(query);

        assertThat(report.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.netMinor()).isEqualTo(5400));
        assertThat(report.totals().grossMinor()).isEqualTo(6300);
        assertThat(seen.getFirst().path()).isEqualTo("/api/v1/admin/reports/sales");
        assertThat(seen.getFirst().query())
                .isEqualTo("from=2026-11-23&to=2026-11-29&theaterId=1&groupBy=paymentMethod");

        contentType = "text/csv; charset=utf-8";
        answer =
                "key,label,orders,tickets,grossMinor,refundsMinor,netMinor\r\nCASH,Cash \"\u20ac\",3,7,6300,900,5400\r\n";
        String csv = client.salesCsv(query);
        assertThat(csv).isEqualTo(answer);
        assertThat(seen.getLast().accept()).isEqualTo("text/csv");
        assertThat(seen.getLast().key()).isNull();

        status = 422;
        contentType = "application/json";
        answer = """
                {"error":{"code":"INVALID_REQUEST","message":"'from' must not be after 'to'.","details":{"field":"from"}}}""";
        assertThatThrownBy(() -> client.salesCsv(query)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.field()).isEqualTo("from");
        });
    }

    @Test
    void occupancyIsAskedForOneTheaterAndDay() {
        answer = """
                [{"showtimeId":12,"movieTitle":"Dune","startsAt":"2026-11-29T19:00:00Z","seatsTotal":120,
                  "sold":90,"held":4,"occupancyPct":75.0}]""";
        List<OccupancyRow> rows = client.occupancy(2, LocalDate.of(2026, 11, 29));

        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.occupancyPct()).isEqualTo(75.0));
        assertThat(seen.getFirst().path()).isEqualTo("/api/v1/admin/reports/occupancy");
        assertThat(seen.getFirst().query()).isEqualTo("theaterId=2&date=2026-11-29");
    }
}
