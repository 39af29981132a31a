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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.ShowtimeStatus;

/**
 * The admin ports over HTTP: paths, methods, query parameters, bodies and the Idempotency-Key as DESIGN §7.1 writes
 * them, and the contract's refusals read back with their details. A JDK HTTP server on this helper's port range plays
 * the server's edge: it records each request and answers what the contract says for it.
 */
class AdminClientTest {

    private static final int PORT = 19051;

    private record Seen(String method, String path, String query, String body, String idempotencyKey, String auth) {}

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private HttpServer server;
    private MarqueeClient client;
    private MarqueeScheduleClient schedule;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/api/v1/admin/", this::answer);
        server.start();
        client = new MarqueeClient("http://127.0.0.1:" + PORT, "terminal-token");
        client.useToken("manager-session");
        schedule = new MarqueeScheduleClient(client);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        seen.put(
                method + " " + path,
                new Seen(
                        method,
                        path,
                        exchange.getRequestURI().getQuery(),
                        body,
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Authorization")));
        String key = method + " " + path;
        int status = 200;
        String answer;
        switch (key) {
            case "GET /api/v1/admin/auditoriums" ->
                answer = "[{\"id\":7,\"theaterId\":1,\"name\":\"Sala 1\",\"layout\":[\"A:SS\"],\"seatCount\":2}]";
            case "PUT /api/v1/admin/auditoriums/7" -> {
                status = 409;
                answer = "{\"error\":{\"code\":\"LAYOUT_IN_USE\",\"message\":\"Seats A2 are sold\","
                        + "\"details\":{\"seatIds\":[\"A2\"]}}}";
            }
            case "POST /api/v1/admin/auditoriums" -> {
                status = 422;
                answer = "{\"error\":{\"code\":\"INVALID_LAYOUT\",\"message\":\"Row label A appears twice\"}}";
            }
            case "GET /api/v1/admin/showtimes" -> answer = "[]";
            case "POST /api/v1/admin/showtimes", "POST /api/v1/admin/showtimes/series" -> {
                status = 409;
                answer = "{\"error\":{\"code\":\"SCHEDULE_CLASH\",\"message\":\"Clashes\","
                        + "\"details\":{\"showtimeIds\":[12,3000000000]}}}";
            }
            case "POST /api/v1/admin/showtimes/12/cancel" ->
                answer = "{\"showtimeId\":12,\"status\":\"CANCELLED\",\"refundedOrders\":3,"
                        + "\"failedRefunds\":[\"7f000000-0000-0000-0000-000000000001\"],\"releasedHolds\":2}";
            default -> {
                status = 404;
                answer = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such path\"}}";
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void auditoriumsAreListedByTheaterAndALayoutInUseNamesItsSeats() {
        List<AuditoriumInfo> list = schedule.auditoriums(1);
        assertThat(list).extracting(AuditoriumInfo::name).containsExactly("Sala 1");
        assertThat(seen.get("GET /api/v1/admin/auditoriums").query()).isEqualTo("theaterId=1");
        assertThat(seen.get("GET /api/v1/admin/auditoriums").auth()).isEqualTo("Bearer manager-session");

        assertThatThrownBy(() -> schedule.updateAuditorium(7, new AuditoriumRequest(1L, "Sala 1", List.of("A:S"))))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.code()).isEqualTo(ErrorCode.LAYOUT_IN_USE);
                    assertThat(problem.seatIds()).containsExactly("A2");
                });
        Seen put = seen.get("PUT /api/v1/admin/auditoriums/7");
        assertThat(put.body()).isEqualTo("{\"theaterId\":1,\"name\":\"Sala 1\",\"layout\":[\"A:S\"]}");
        assertThat(put.idempotencyKey()).isNotBlank();

        assertThatThrownBy(() -> schedule.createAuditorium(new AuditoriumRequest(1L, "X", List.of("A:S", "A:S"))))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_LAYOUT);
                    assertThat(problem.getMessage()).isEqualTo("Row label A appears twice");
                });
    }

    @Test
    void theScheduleIsReadByDatesAndAClashNamesTheShowtimes() {
        assertThat(schedule.adminShowtimes(1, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)))
                .isEmpty();
        assertThat(seen.get("GET /api/v1/admin/showtimes").query())
                .isEqualTo("theaterId=1&from=2026-11-30&to=2026-12-06");

        assertThatThrownBy(() -> schedule.createShowtime(
                        new ShowtimeRequest(2L, 7L, Instant.parse("2026-12-02T18:00:00Z"), "2D", null)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.showtimeIds()).containsExactly(12L, 3_000_000_000L));
        assertThat(seen.get("POST /api/v1/admin/showtimes").body())
                .isEqualTo("{\"movieId\":2,\"auditoriumId\":7,\"startsAt\":\"2026-12-02T18:00:00Z\","
                        + "\"format\":\"2D\",\"pricePlanId\":null}");

        assertThatThrownBy(() -> schedule.createSeries(new ShowtimeSeriesRequest(
                        2L, 7L, "2D", 4L, "2026-12-01", "2026-12-31", List.of("WED", "SAT"), List.of("19:00"))))
                .isInstanceOfSatisfying(
                        ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo(ErrorCode.SCHEDULE_CLASH));
        assertThat(seen.get("POST /api/v1/admin/showtimes/series").body())
                .isEqualTo("{\"movieId\":2,\"auditoriumId\":7,\"format\":\"2D\",\"pricePlanId\":4,"
                        + "\"fromDate\":\"2026-12-01\",\"toDate\":\"2026-12-31\",\"daysOfWeek\":[\"WED\",\"SAT\"],"
                        + "\"times\":[\"19:00\"]}");
    }

    @Test
    void aCancellationSendsItsReasonAndReadsTheRefundSummary() {
        ShowtimeCancellation result = schedule.cancelShowtime(12, "Projector broken");

        assertThat(result.status()).isEqualTo(ShowtimeStatus.CANCELLED);
        assertThat(result.refundedOrders()).isEqualTo(3);
        assertThat(result.failedRefunds()).hasSize(1);
        assertThat(result.releasedHolds()).isEqualTo(2);
        Seen post = seen.get("POST /api/v1/admin/showtimes/12/cancel");
        assertThat(post.body()).isEqualTo("{\"reason\":\"Projector broken\"}");
        assertThat(post.idempotencyKey()).isNotBlank();
    }
}
