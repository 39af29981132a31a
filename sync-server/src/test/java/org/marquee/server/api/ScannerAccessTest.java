package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/**
 * The SCANNER caller against every route the server has, as docs/API.md's authorization matrix says: a door scanner
 * reads the ticket keys, the revoked list, the catalog feed, a theater's showtimes and its own terminal, and
 * records admissions; the public routes answer it as anyone; every
 * other route, including any added later, is 403 FORBIDDEN.
 */
class ScannerAccessTest {

    /** The routes a scanner may call, with a request that succeeds. */
    private static final Map<String, String[]> ALLOWED = Map.of(
            "GET /ticket-keys",
            new String[] {"/ticket-keys", null},
            "GET /admissions/revoked",
            new String[] {"/admissions/revoked?since=0", null},
            "POST /admissions",
            new String[] {"/admissions", "{\"ticketToken\":\"x\",\"scanId\":\"" + UUID.randomUUID() + "\"}"},
            "GET /theaters/{id}/showtimes",
            new String[] {"/theaters/1/showtimes", null},
            "GET /catalog/changes",
            new String[] {"/catalog/changes?since=0", null},
            "GET /terminals/me",
            new String[] {"/terminals/me", null},
            "GET /health",
            new String[] {"/health", null},
            "GET /metrics",
            new String[] {"/metrics", null},
            "GET /openapi.yaml",
            new String[] {"/openapi.yaml", null});

    /** Public: the body's signature is checked instead of a token, so its own 401 for an unsigned body is right. */
    private static final String WEBHOOK = "POST /payments/webhook";

    private static TestServer server;
    private static ApiClient scanner;

    @BeforeAll
    static void start() {
        server = TestServer.start("scanner_access", TestServer.Options.defaults());
        scanner = Doors.scanner(server, "door-access");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aScannerMayCallTheDoorRoutesAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (var route : server.server().routes()) {
            String endpoint = route.method() + " " + route.path().substring(ApiRoutes.BASE.length());
            String[] allowed = ALLOWED.get(endpoint);
            String path = allowed != null
                    ? allowed[0]
                    : route.path().substring(ApiRoutes.BASE.length()).replaceAll("\\{[^}]+}", "1");
            String body = allowed != null ? allowed[1] : "{}";
            ApiClient.Answer answer = scanner.send(
                    route.method(),
                    path,
                    body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            boolean ok;
            if (allowed != null) {
                ok = answer.status() >= 200 && answer.status() < 300;
            } else if (endpoint.equals(WEBHOOK)) {
                ok = answer.status() < 500 && !"FORBIDDEN".equals(answer.errorCode());
            } else {
                ok = answer.status() == 403 && "FORBIDDEN".equals(answer.errorCode());
            }
            if (!ok) {
                wrong.add(endpoint + " answered a scanner " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
