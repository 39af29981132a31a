package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marquee.server.api.AccessFixture.Caller;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Every endpoint × every caller, as docs/API.md ("Authorization matrix") and the access rules in {@link ApiRoutes}
 * say. {@code 401} and {@code 403} are exact (with UNAUTHORIZED / FORBIDDEN); {@code ok} is a 2xx on a real resource
 * of the caller's own terminal; {@code allowed} is anything but 401 and 403 (and never 5xx).
 *
 * <p>Callers: no token; a token nobody issued; a revoked kiosk's token; a kiosk; a counter terminal's own token; a
 * clerk's and a manager's session on that counter terminal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final String MATRIX = """
            | endpoint                      | none | wrong | revoked | kiosk | counter | clerk | manager |
            | GET /health                   | ok   | ok    | ok      | ok    | ok      | ok    | ok      |
            | GET /metrics                  | ok   | ok    | ok      | ok    | ok      | ok    | ok      |
            | GET /openapi.yaml             | ok   | ok    | ok      | ok    | ok      | ok    | ok      |
            | POST /payments/webhook        | ok   | ok    | ok      | ok    | ok      | ok    | ok      |
            | POST /sessions                | 401  | 401   | 401     | 403   | ok      | 403   | 403     |
            | DELETE /sessions/current      | 401  | 401   | 401     | 403   | allowed | ok    | ok      |
            | GET /terminals/me             | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /theaters                 | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /theaters/{id}/showtimes  | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /catalog/changes          | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /showtimes/{id}/seats     | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /showtimes/{id}/prices    | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /showtimes/{id}/events    | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | POST /holds                   | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | GET /holds/{id}               | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | PUT /holds/{id}/seats         | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | POST /holds/{id}/extend       | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | DELETE /holds/{id}            | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | POST /orders                  | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | GET /orders/{id}              | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | GET /orders/{id}/tickets.pdf  | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | POST /orders/{id}/payments    | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | POST /orders/{id}/email       | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | POST /orders/{id}/cancel      | 401  | 401   | 401     | ok    | 403     | ok    | ok      |
            | POST /orders/{id}/refund      | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/audit              | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/reports/sales      | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/reports/occupancy  | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/reports/cash       | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/refunds/failed     | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/refunds/{paymentId}/paid-in-cash | 401 | 401 | 401 | 403 | 403 | 403   | ok      |
            | GET /admin/holds              | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | DELETE /admin/holds/{id}      | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /shifts                  | 401  | 401   | 401     | 403   | 403     | ok    | ok      |
            | GET /shifts/current           | 401  | 401   | 401     | 403   | 403     | ok    | ok      |
            | POST /shifts/current/close    | 401  | 401   | 401     | 403   | 403     | ok    | ok      |
            | GET /admin/showtimes/{id}/house-seats | 401 | 401 | 401   | 403   | 403     | 403   | ok      |
            | PUT /admin/showtimes/{id}/house-seats | 401 | 401 | 401   | 403   | 403     | 403   | ok      |
            | GET /admin/theaters           | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/theaters          | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/theaters/{id}      | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/auditoriums        | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/auditoriums       | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/auditoriums/{id}   | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/movies             | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/movies            | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/movies/{id}        | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/price-plans        | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/price-plans       | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/price-plans/{id}   | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/showtimes          | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/showtimes         | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/showtimes/series  | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/showtimes/{id}     | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/showtimes/{id}/cancel | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /admin/terminals          | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/terminals         | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/terminals/{id}/revoke | 401 | 401 | 401   | 403   | 403     | 403   | ok      |
            | POST /admin/terminals/{id}/rotate-token | 401 | 401 | 401 | 403 | 403   | 403   | ok      |
            | GET /admin/staff              | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admin/staff             | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | PUT /admin/staff/{id}         | 401  | 401   | 401     | 403   | 403     | 403   | ok      |
            | GET /ticket-keys              | 401  | 401   | 401     | ok    | ok      | ok    | ok      |
            | POST /admin/ticket-keys/rotate | 401 | 401   | 401     | 403   | 403     | 403   | ok      |
            | POST /admissions              | 401  | 401   | 401     | 403   | 403     | 403   | 403     |
            | GET /admissions/revoked       | 401  | 401   | 401     | 403   | 403     | 403   | 403     |
            """;

    /** A request ready to send; {@code token} replaces the caller's own when the call must not spend it. */
    private record Call(String path, String body, String token, String... headers) {
        Call(String path) {
            this(path, null, null);
        }

        Call(String path, String body) {
            this(path, body, null);
        }
    }

    private TestServer server;
    private AccessFixture fixture;

    @BeforeAll
    void start() {
        // seats are held one by one in row order: the single-seat rule (DESIGN §8) is not what this test is about
        server = TestServer.start("access", TestServer.Options.defaults()).singleSeatRule("OFF");
        fixture = new AccessFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        List<String> lines = MATRIX.lines().skip(1).toList();
        for (String line : lines) {
            List<String> cells = Stream.of(line.split("\\|"))
                    .map(String::strip)
                    .filter(cell -> !cell.isEmpty())
                    .toList();
            for (Caller caller : Caller.values()) {
                rows.add(Arguments.of(cells.get(0), caller, cells.get(1 + caller.ordinal())));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void whoMayCallWhat(String endpoint, Caller caller, String expected) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        Call call = prepare(endpoint, caller);
        ApiClient client = server.client(call.token() != null ? call.token() : fixture.token(caller));

        Answer answer = send(client, method, call);

        String what = endpoint + " as " + caller + " answered " + answer.status() + " " + answer.body();
        switch (expected) {
            case "401" -> {
                assertThat(answer.status()).as(what).isEqualTo(401);
                assertThat(answer.errorCode()).as(what).isEqualTo("UNAUTHORIZED");
            }
            case "403" -> {
                assertThat(answer.status()).as(what).isEqualTo(403);
                assertThat(answer.errorCode()).as(what).isEqualTo("FORBIDDEN");
            }
            case "ok" -> assertThat(answer.status()).as(what).isBetween(200, 299);
            case "allowed" ->
                assertThat(answer.status()).as(what).isNotIn(401, 403).isLessThan(500);
            default -> throw new IllegalArgumentException("Unknown expectation " + expected);
        }
    }

    @Test
    void theMatrixHasARowForEveryRouteAndNoOther() {
        Set<String> rows = matrix().map(row -> (String) row.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> routes = server.server().routes().stream()
                .map(route -> route.method() + " " + route.path().substring(ApiRoutes.BASE.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(routes);
    }

    /** The request for this row: a real resource of the caller's own terminal where the path needs one. */
    private Call prepare(String endpoint, Caller caller) {
        return switch (endpoint) {
            case "GET /health" -> new Call("/health");
            case "GET /terminals/me" -> new Call("/terminals/me");
            case "GET /metrics" -> new Call("/metrics");
            case "GET /openapi.yaml" -> new Call("/openapi.yaml");
            case "POST /payments/webhook" -> {
                String event = "{\"providerRef\":\"sim_unknown_" + UUID.randomUUID() + "\",\"status\":\"SUCCEEDED\"}";
                yield new Call("/payments/webhook", event, null, "X-Marquee-Signature", fixture.sign(event));
            }
            case "POST /sessions" -> new Call("/sessions", "{\"username\":\"alice\",\"pin\":\"1234\"}");
            case "DELETE /sessions/current" ->
                // ending the session would spend the shared clerk's and manager's tokens
                new Call(
                        "/sessions/current",
                        null,
                        caller == Caller.CLERK || caller == Caller.MANAGER ? fixture.freshSession(caller) : null);
            case "GET /theaters" -> new Call("/theaters");
            case "GET /theaters/{id}/showtimes" -> new Call("/theaters/1/showtimes");
            case "GET /catalog/changes" -> new Call("/catalog/changes?since=0");
            case "GET /showtimes/{id}/seats" -> new Call("/showtimes/" + fixture.showtime() + "/seats");
            case "GET /showtimes/{id}/prices" -> new Call("/showtimes/" + fixture.showtime() + "/prices");
            // without Accept: text/event-stream the answer is an empty 200 rather than a stream that never ends;
            // authorization runs before either (LiveSeatEventsTest covers the stream itself)
            case "GET /showtimes/{id}/events" -> new Call("/showtimes/" + fixture.showtime() + "/events");
            case "POST /holds" -> new Call("/holds", holdBody(fixture.showtime(), List.of(fixture.seat())));
            case "GET /holds/{id}", "DELETE /holds/{id}" -> new Call("/holds/" + fixture.hold(caller));
            case "PUT /holds/{id}/seats" ->
                new Call("/holds/" + fixture.hold(caller) + "/seats", seatsBody(List.of(fixture.seat())));
            case "POST /holds/{id}/extend" -> new Call("/holds/" + fixture.hold(caller) + "/extend");
            case "POST /orders" -> new Call("/orders", fixture.orderBody(caller));
            case "GET /orders/{id}" -> new Call("/orders/" + orderId(fixture.order(caller)));
            case "GET /orders/{id}/tickets.pdf" -> new Call("/orders/" + fixture.paidOrder(caller) + "/tickets.pdf");
            case "POST /orders/{id}/payments" -> {
                JsonNode order = fixture.order(caller);
                yield new Call("/orders/" + orderId(order) + "/payments", AccessFixture.payment(caller, order));
            }
            case "POST /orders/{id}/email" ->
                new Call("/orders/" + fixture.paidOrder(caller) + "/email", "{\"email\":\"ana@example.com\"}");
            case "POST /orders/{id}/cancel" -> new Call("/orders/" + orderId(fixture.order(caller)) + "/cancel");
            case "POST /orders/{id}/refund" -> new Call("/orders/" + fixture.paidOrder(caller) + "/refund");
            case "GET /admin/audit" -> new Call("/admin/audit?limit=1");
            case "GET /admin/reports/sales" -> new Call("/admin/reports/sales?groupBy=movie");
            case "GET /admin/reports/occupancy" -> new Call("/admin/reports/occupancy?theaterId=1");
            case "GET /admin/reports/cash" -> new Call("/admin/reports/cash?theaterId=1");
            case "GET /admin/refunds/failed" -> new Call("/admin/refunds/failed?theaterId=1");
            case "POST /admin/refunds/{paymentId}/paid-in-cash" ->
                new Call("/admin/refunds/" + fixture.failedRefund() + "/paid-in-cash");
            case "GET /admin/holds" -> new Call("/admin/holds?theaterId=1");
            case "DELETE /admin/holds/{id}" -> new Call("/admin/holds/" + fixture.hold(caller) + "?reason=matrix");
            case "POST /shifts" -> {
                shift(caller, false);
                yield new Call("/shifts", "{\"floatMinor\":10000}");
            }
            case "GET /shifts/current" -> {
                shift(caller, true);
                yield new Call("/shifts/current");
            }
            case "POST /shifts/current/close" -> {
                shift(caller, true);
                yield new Call("/shifts/current/close", "{\"countedCashMinor\":10000}");
            }
            case "GET /admin/showtimes/{id}/house-seats" ->
                new Call("/admin/showtimes/" + fixture.showtime() + "/house-seats");
            case "PUT /admin/showtimes/{id}/house-seats" ->
                new Call(
                        "/admin/showtimes/" + fixture.showtime() + "/house-seats",
                        "{\"seatIds\":[],\"releaseMinutes\":0}");
            default -> admin(endpoint);
        };
    }

    /** The admin catalog and schedule (DESIGN §7.1): each call on things of its own, so that every manager call works. */
    private Call admin(String endpoint) {
        AdminApi admin = new AdminApi(server.client(fixture.token(Caller.MANAGER)));
        Instant later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return switch (endpoint) {
            case "GET /admin/theaters" -> new Call("/admin/theaters");
            case "POST /admin/theaters", "PUT /admin/theaters/{id}" ->
                new Call(
                        endpoint.startsWith("PUT") ? "/admin/theaters/" + admin.theater(20) : "/admin/theaters",
                        "{\"name\":\"Matrix " + unique + "\",\"address\":\"A\",\"lat\":40.4,\"lon\":-3.7,"
                                + "\"timeZone\":\"Europe/Madrid\"}");
            case "GET /admin/auditoriums" -> new Call("/admin/auditoriums?theaterId=1");
            case "POST /admin/auditoriums" ->
                new Call(
                        "/admin/auditoriums",
                        "{\"theaterId\":1,\"name\":\"Matrix " + unique + "\",\"layout\":[\"A:SS\"]}");
            case "PUT /admin/auditoriums/{id}" ->
                new Call(
                        "/admin/auditoriums/" + admin.auditorium(1, List.of("A:SS")),
                        "{\"name\":\"Matrix " + unique + "\",\"layout\":[\"A:SSS\"]}");
            case "GET /admin/movies" -> new Call("/admin/movies");
            case "POST /admin/movies", "PUT /admin/movies/{id}" ->
                new Call(
                        endpoint.startsWith("PUT") ? "/admin/movies/" + admin.movie(90) : "/admin/movies",
                        "{\"title\":\"Matrix\",\"runtimeMinutes\":136,\"rating\":\"R\"}");
            case "GET /admin/price-plans" -> new Call("/admin/price-plans");
            case "POST /admin/price-plans", "PUT /admin/price-plans/{id}" -> {
                String body =
                        "{\"name\":\"Matrix " + unique + "\",\"currency\":\"EUR\",\"ticketPrices\":{\"ADULT\":900}}";
                yield endpoint.startsWith("PUT")
                        ? new Call(
                                "/admin/price-plans/"
                                        + AdminApi.created(admin.client()
                                                .post("/admin/price-plans", body.replace("Matrix", "Plan"))),
                                body)
                        : new Call("/admin/price-plans", body);
            }
            case "GET /admin/showtimes" -> new Call("/admin/showtimes?theaterId=1");
            case "POST /admin/showtimes" ->
                new Call(
                        "/admin/showtimes",
                        "{\"movieId\":1,\"auditoriumId\":" + admin.auditorium(1, List.of("A:SS")) + ",\"startsAt\":\""
                                + later + "\",\"format\":\"2D\"}");
            case "POST /admin/showtimes/series" ->
                new Call(
                        "/admin/showtimes/series",
                        "{\"movieId\":1,\"auditoriumId\":"
                                + admin.auditorium(1, List.of("A:SS")) + ",\"format\":\"2D\",\"fromDate\":\""
                                + LocalDate.now().plusDays(30) + "\",\"toDate\":\""
                                + LocalDate.now().plusDays(36)
                                + "\",\"daysOfWeek\":[\"FRI\"],\"times\":[\"20:00\"]}");
            case "PUT /admin/showtimes/{id}" ->
                new Call(
                        "/admin/showtimes/" + admin.showtime(1, admin.auditorium(1, List.of("A:SS")), later),
                        "{\"format\":\"3D\"}");
            case "POST /admin/showtimes/{id}/cancel" ->
                new Call(
                        "/admin/showtimes/" + admin.showtime(1, admin.auditorium(1, List.of("A:SS")), later)
                                + "/cancel",
                        "{\"reason\":\"Matrix\"}");
            case "GET /admin/terminals" -> new Call("/admin/terminals");
            case "POST /admin/terminals" ->
                new Call(
                        "/admin/terminals",
                        "{\"name\":\"matrix " + UUID.randomUUID() + "\",\"kind\":\"KIOSK\",\"theaterId\":1}");
            // a terminal of its own per call: revoking or rotating a shared one would spend the callers' tokens
            case "POST /admin/terminals/{id}/revoke" ->
                new Call("/admin/terminals/" + fixture.spareTerminal() + "/revoke");
            case "POST /admin/terminals/{id}/rotate-token" ->
                new Call("/admin/terminals/" + fixture.spareTerminal() + "/rotate-token");
            case "GET /admin/staff" -> new Call("/admin/staff");
            case "POST /admin/staff" ->
                new Call(
                        "/admin/staff",
                        "{\"username\":\"m" + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"displayName\":\"Matrix\",\"role\":\"CLERK\",\"pin\":\"1234\"}");
            case "PUT /admin/staff/{id}" ->
                new Call("/admin/staff/" + fixture.spareStaff(), "{\"displayName\":\"Matrix Clerk\"}");
            // door scanners (the SCANNER caller is in ScannerAccessTest)
            case "GET /ticket-keys" -> new Call("/ticket-keys");
            case "POST /admin/ticket-keys/rotate" -> new Call("/admin/ticket-keys/rotate");
            case "POST /admissions" ->
                new Call("/admissions", "{\"ticketToken\":\"x\",\"scanId\":\"" + UUID.randomUUID() + "\"}");
            case "GET /admissions/revoked" -> new Call("/admissions/revoked?since=0");
            default -> throw new IllegalArgumentException("No request for " + endpoint + "; add one");
        };
    }

    /** Opens or closes a staff caller's cash shift first, so that the call under test can succeed. */
    private void shift(Caller caller, boolean open) {
        if (caller == Caller.CLERK || caller == Caller.MANAGER) {
            ApiClient staff = server.client(fixture.token(caller));
            if (open) {
                staff.post("/shifts", "{\"floatMinor\":0}");
            } else {
                staff.post("/shifts/current/close", "{\"countedCashMinor\":0}");
            }
        }
    }

    private static String orderId(JsonNode order) {
        return order.path("orderId").asText();
    }

    private static Answer send(ApiClient client, String method, Call call) {
        return switch (method) {
            case "GET" -> client.get(call.path(), call.headers());
            case "POST" -> client.post(call.path(), call.body(), call.headers());
            case "PUT" -> client.put(call.path(), call.body(), call.headers());
            case "DELETE" -> client.delete(call.path(), call.headers());
            default -> throw new IllegalArgumentException(method);
        };
    }
}
