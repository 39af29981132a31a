package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.StaffRequest;
import org.marquee.model.TerminalKind;
import org.marquee.model.TerminalRequest;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;

/**
 * The admin API on the wire as DESIGN §7 writes it: paths, methods, bodies, the bearer, an Idempotency-Key on every
 * change, the audit query, and refusals read with their field and their code's name, even one this build's
 * {@code ErrorCode} lacks. A small HTTP server records each request and answers what the test tells it to.
 */
class MarqueeAdminClientTest {

    private record Seen(String method, String path, String query, String body, String bearer, String key) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private HttpServer http;
    private MarqueeClient client;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
        client = new MarqueeClient("http://127.0.0.1:" + http.getAddress().getPort(), "counter-token");
        client.useToken("manager-session");
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
                exchange.getRequestURI().getRawQuery(),
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Test
    void aTheaterIsSentAndReadAsTheContractSays() {
        answer = """
                {"id":7,"name":"Cine Sol","address":"Calle 1","lat":40.4,"lon":-3.7,"timeZone":"Europe/Madrid",
                 "cleaningMinutes":25,"singleSeatRule":"ALL","accessibleReleaseMinutes":45}""";
        TheaterSettings saved = client.admin()
                .updateTheater(
                        7,
                        new TheaterRequest(
                                "Cine Sol", "Calle 1", 40.4, -3.7, "Europe/Madrid", 25, SingleSeatRule.ALL, 45));

        assertThat(saved.singleSeatRule()).isEqualTo(SingleSeatRule.ALL);
        Seen put = seen.getFirst();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/api/v1/admin/theaters/7");
        assertThat(put.bearer()).isEqualTo("Bearer manager-session");
        assertThat(put.key()).isNotBlank();
        assertThat(put.body())
                .contains(
                        "\"cleaningMinutes\":25",
                        "\"singleSeatRule\":\"ALL\"",
                        "\"accessibleReleaseMinutes\":45",
                        "\"timeZone\":\"Europe/Madrid\"");
    }

    @Test
    void terminalsAreCreatedRevokedAndRotatedAtTheirPaths() {
        answer = """
                {"id":3,"name":"Door 1","kind":"SCANNER","theaterId":1,"createdAt":"2026-11-30T18:00:00Z",
                 "revokedAt":null,"token":"tok_1","enrollment":"marquee://enroll?server=x&token=tok_1"}""";
        var created = client.admin().createTerminal(new TerminalRequest("Door 1", TerminalKind.SCANNER, 1L));
        client.admin().revokeTerminal(3);
        client.admin().rotateToken(3);

        assertThat(created.token()).isEqualTo("tok_1");
        assertThat(seen)
                .extracting(Seen::method, Seen::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/admin/terminals"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/admin/terminals/3/revoke"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/admin/terminals/3/rotate-token"));
        assertThat(seen.getFirst().body()).contains("\"kind\":\"SCANNER\"", "\"theaterId\":1");
        assertThat(seen).extracting(Seen::key).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void theAuditQueryCarriesOnlyTheFiltersSet() {
        answer = "[]";
        client.admin().audit(new AuditLog.Query(LocalDate.of(2026, 11, 1), null, "STAFF_UPDATED", " ", 51, 120L));

        Seen get = seen.getFirst();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/api/v1/admin/audit");
        assertThat(get.query()).isEqualTo("from=2026-11-01&action=STAFF_UPDATED&limit=51&before=120");
        assertThat(get.key()).isNull();
    }

    @Test
    void aRefusalKeepsItsFieldAndACodeThisBuildDoesNotKnow() {
        status = 409;
        answer = """
                {"error":{"code":"A_CODE_FROM_A_NEWER_SERVER","message":"Morgan is the last active manager.","details":{}}}""";
        ApiProblem lastManager = catchThrowableOfType(
                ApiProblem.class,
                () -> client.admin().updateStaff(2, new StaffRequest(null, null, Role.CLERK, null, null)));
        assertThat(lastManager.status()).isEqualTo(409);
        assertThat(lastManager.codeName()).isEqualTo("A_CODE_FROM_A_NEWER_SERVER");
        assertThat(lastManager.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(lastManager.getMessage()).isEqualTo("Morgan is the last active manager.");
        assertThat(seen.getFirst().body())
                .isEqualTo("{\"username\":null,\"displayName\":null,\"role\":\"CLERK\","
                        + "\"pin\":null,\"active\":null}");

        status = 422;
        answer = """
                {"error":{"code":"INVALID_REQUEST","message":"'pin' must be 4 to 8 digits.","details":{"field":"pin"}}}""";
        ApiProblem invalid = catchThrowableOfType(
                ApiProblem.class,
                () -> client.admin().createStaff(new StaffRequest("bea", "Bea", Role.CLERK, "12", null)));
        assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(invalid.field()).isEqualTo("pin");
        assertThat(invalid.details()).isEqualTo(Map.of("field", "pin"));
    }

    @Test
    void aStaffSessionSwitchesTheTokenAndEndingItSwitchesBack() {
        client.useToken("counter-token");
        answer = """
                {"token":"s-1","role":"MANAGER","username":"morgan","displayName":"Morgan","expiresAt":"2026-12-01T06:00:00Z"}""";
        client.startSession("morgan", "9999");
        assertThat(client.token()).isEqualTo("s-1");
        assertThat(seen.getFirst().bearer()).isEqualTo("Bearer counter-token");

        status = 204;
        answer = "";
        client.endSession();
        assertThat(seen.getLast().method()).isEqualTo("DELETE");
        assertThat(seen.getLast().path()).isEqualTo("/api/v1/sessions/current");
        assertThat(seen.getLast().bearer()).isEqualTo("Bearer s-1");
        assertThat(client.token()).isEqualTo("counter-token");
    }
}
