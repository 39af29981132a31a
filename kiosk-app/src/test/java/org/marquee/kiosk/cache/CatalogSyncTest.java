package org.marquee.kiosk.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.testing.ServerProcess;

/** Syncs from a real sync server (demo data) into a real H2 file. */
class CatalogSyncTest {

    static ServerProcess server;
    static int showtimesOnServer;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
        showtimesOnServer = kiosk().catalogChanges(null).showtimes().size();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static MarqueeClient kiosk() {
        return new MarqueeClient(server.url(), "demo-kiosk-1");
    }

    @Test
    void theFirstSyncCopiesTheWholeCatalog() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            List<SyncResult> heard = new CopyOnWriteArrayList<>();
            CatalogSync sync = new CatalogSync(kiosk(), cache);
            sync.onSynced(heard::add);

            SyncResult result = sync.syncNow();

            assertThat(showtimesOnServer).isGreaterThan(20); // 7 days of showtimes in 3 theaters
            assertThat(result.full()).isTrue();
            assertThat(result)
                    .extracting(
                            SyncResult::theaters, SyncResult::auditoriums, SyncResult::movies, SyncResult::showtimes)
                    .containsExactly(3, 8, 6, showtimesOnServer);
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(3, 8, 6, showtimesOnServer));
            assertThat(cache.cursor()).contains(result.cursor());
            assertThat(heard).containsExactly(result);
            assertThat(cache.auditorium(1).orElseThrow().seatsTotal()).isGreaterThan(0);
        }
    }

    @Test
    void theNextSyncIsOnlyTheChangesAndNothingChanged() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            CatalogSync sync = new CatalogSync(kiosk(), cache);
            sync.syncNow();

            SyncResult delta = sync.syncNow();

            assertThat(delta.full()).isFalse();
            assertThat(delta.changed()).isFalse();
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(3, 8, 6, showtimesOnServer));
        }
    }

    @Test
    void aRestartedCacheKeepsItsCatalogAndCursor() {
        String cursor;
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cursor = new CatalogSync(kiosk(), cache).syncNow().cursor();
        }
        try (CatalogCache reopened = CatalogCache.open(dataDir)) {
            assertThat(reopened.counts()).isEqualTo(new CatalogCounts(3, 8, 6, showtimesOnServer));
            assertThat(reopened.cursor()).contains(cursor);

            SyncResult afterRestart = new CatalogSync(kiosk(), reopened).syncNow();

            assertThat(afterRestart.full()).isFalse();
            assertThat(afterRestart.changed()).isFalse();
        }
    }

    @Test
    void anUnreachableServerLeavesTheCacheAsItWas() throws IOException {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            new CatalogSync(kiosk(), cache).syncNow();
            String cursor = cache.cursor().orElseThrow();
            List<ApiProblem> heard = new CopyOnWriteArrayList<>();
            CatalogSync offline = new CatalogSync(new MarqueeClient("http://127.0.0.1:" + unusedPort(), "t"), cache);
            offline.onFailure(heard::add);

            ApiProblem problem = catchThrowableOfType(ApiProblem.class, offline::syncNow);

            assertThat(problem.offline()).isTrue();
            assertThat(problem.getMessage()).contains("cannot be reached");
            assertThat(heard).containsExactly(problem);
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(3, 8, 6, showtimesOnServer));
            assertThat(cache.cursor()).contains(cursor);
        }
    }

    @Test
    void aRefusedTokenSaysWhyAndLeavesTheCacheAlone() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            CatalogSync sync = new CatalogSync(new MarqueeClient(server.url(), "not-a-token"), cache);

            ApiProblem problem = catchThrowableOfType(ApiProblem.class, sync::syncNow);

            assertThat(problem.status()).isEqualTo(401);
            assertThat(problem.getMessage()).contains("token");
            assertThat(cache.counts().empty()).isTrue();
            assertThat(cache.cursor()).isEmpty();
        }
    }

    @Test
    void anAnswerThatIsNotJsonLeavesTheCacheAsItWas() throws IOException {
        try (CatalogCache cache = CatalogCache.open(dataDir);
                CannedServer broken = new CannedServer(since -> "{\"cursor\": \"99\", \"theaters\": [")) {
            new CatalogSync(kiosk(), cache).syncNow();
            String cursor = cache.cursor().orElseThrow();

            ApiProblem problem =
                    catchThrowableOfType(ApiProblem.class, () -> new CatalogSync(broken.client(), cache).syncNow());

            assertThat(problem).isNotNull();
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(3, 8, 6, showtimesOnServer));
            assertThat(cache.cursor()).contains(cursor);
        }
    }

    @Test
    void aCatalogWithAnUnusableLayoutIsRefusedWhole() throws IOException {
        String answer = """
                {"cursor": "99999999",
                 "theaters": [{"id": 1, "name": "Renamed", "address": "x", "lat": 1, "lon": 2, "timeZone": "UTC"}],
                 "auditoriums": [{"id": 1, "theaterId": 1, "name": "Sala 1", "layout": ["A:SS?S"], "seatCount": 3}],
                 "movies": [], "showtimes": [], "deleted": []}
                """;
        try (CatalogCache cache = CatalogCache.open(dataDir);
                CannedServer broken = new CannedServer(since -> answer)) {
            new CatalogSync(kiosk(), cache).syncNow();
            String cursor = cache.cursor().orElseThrow();
            String name = cache.theater(1).orElseThrow().name();

            ApiProblem problem =
                    catchThrowableOfType(ApiProblem.class, () -> new CatalogSync(broken.client(), cache).syncNow());

            assertThat(problem.offline()).isFalse();
            assertThat(problem.getMessage()).contains("auditorium 1").contains("saved catalog is kept");
            assertThat(cache.theater(1).orElseThrow().name()).isEqualTo(name);
            assertThat(cache.cursor()).contains(cursor);
        }
    }

    @Test
    void aServerWhoseCursorWentBackIsCopiedAfresh() throws IOException {
        String fresh = """
                {"cursor": "%s",
                 "theaters": [{"id": 7, "name": "New Database", "address": "x", "lat": 1, "lon": 2, "timeZone": "UTC"}],
                 "auditoriums": [], "movies": [], "showtimes": [], "deleted": []}
                """;
        try (CatalogCache cache = CatalogCache.open(dataDir);
                CannedServer replaced = new CannedServer(since -> fresh.formatted(since.equals("0") ? "2" : "3"))) {
            new CatalogSync(kiosk(), cache).syncNow();

            SyncResult result = new CatalogSync(replaced.client(), cache).syncNow();

            assertThat(result.full()).isTrue();
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(1, 0, 0, 0));
            assertThat(cache.cursor()).contains("2");
        }
    }

    static int unusedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A real HTTP server that answers {@code /catalog/changes} with the text it is given for each cursor. */
    static final class CannedServer implements AutoCloseable {
        private final HttpServer http;

        CannedServer(Function<String, String> answerForSince) throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/api/v1/catalog/changes", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                String since = query == null ? "0" : query.replaceFirst("^.*since=([^&]*).*$", "$1");
                byte[] body = answerForSince.apply(since).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
        }

        MarqueeClient client() {
            return new MarqueeClient("http://127.0.0.1:" + http.getAddress().getPort(), "demo-kiosk-1");
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
