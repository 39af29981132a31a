package org.marquee.kiosk.showtimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.cache.CatalogSync;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;

/**
 * The showtimes screen's sources: the server, the catalog cache (synced from the same server into a real H2 file),
 * and the one that uses the cache when the server cannot be reached.
 */
class ShowtimeSourcesTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static ServerProcess server;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static MarqueeClient client() {
        return new MarqueeClient(server.url(), "demo-kiosk-1");
    }

    @Test
    void theCacheListsWhatTheServerLists() {
        ServerShowtimeSource online = new ServerShowtimeSource(client());
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            new CatalogSync(client(), cache).syncNow();
            CachedShowtimeSource offline = new CachedShowtimeSource(cache);

            List<NearbyTheater> fromServer = online.theatersNear(1L);
            List<NearbyTheater> fromCache = offline.theatersNear(1L);
            assertThat(fromCache)
                    .extracting(NearbyTheater::id)
                    .containsExactlyElementsOf(
                            fromServer.stream().map(NearbyTheater::id).toList());
            for (int i = 0; i < fromServer.size(); i++) {
                assertThat(fromCache.get(i).distanceKm())
                        .isCloseTo(fromServer.get(i).distanceKm(), offset(0.02));
            }
            assertThat(offline.theatersNear(null))
                    .extracting(NearbyTheater::name)
                    .containsExactlyElementsOf(online.theatersNear(null).stream()
                            .map(NearbyTheater::name)
                            .toList());

            LocalDate tomorrow = LocalDate.now(MADRID).plusDays(1);
            List<ShowtimeListing> cached = offline.showtimes(3, tomorrow);
            assertThat(cached)
                    .extracting(ShowtimeListing::id)
                    .containsExactlyElementsOf(online.showtimes(3, tomorrow).stream()
                            .map(ShowtimeListing::id)
                            .toList());
            assertThat(cached).allMatch(s -> s.seatsAvailable() < 0); // free seats are not known offline
        }
    }

    @Test
    void withoutTheServerTheCacheAnswersAndTheTerminalHearsItIsOffline() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            new CatalogSync(client(), cache).syncNow();
            MarqueeClient unreachable = new MarqueeClient("http://127.0.0.1:9", "demo-kiosk-1", Duration.ofSeconds(1));
            List<ApiProblem> heard = new CopyOnWriteArrayList<>();
            var source = new FallbackShowtimeSource(
                    new ServerShowtimeSource(unreachable), new CachedShowtimeSource(cache), () -> true, heard::add);

            assertThat(source.theatersNear(1L))
                    .extracting(NearbyTheater::name)
                    .containsExactly("Marquee Gran Vía", "Marquee Chamberí", "Marquee Retiro");
            assertThat(heard).singleElement().matches(ApiProblem::offline);
            assertThat(source.showtimes(1, LocalDate.now(MADRID).plusDays(2))).isNotEmpty();
            assertThat(heard).hasSize(2);

            // known to be offline: the server is not even tried
            var skipping = new FallbackShowtimeSource(
                    new ServerShowtimeSource(unreachable), new CachedShowtimeSource(cache), () -> false, heard::add);
            assertThat(skipping.theatersNear(1L)).hasSize(3);
            assertThat(heard).hasSize(2);
        }
    }

    @Test
    void aRefusalByTheServerIsNotHiddenByTheCache() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            var source = new FallbackShowtimeSource(
                    new ServerShowtimeSource(client()), new CachedShowtimeSource(cache), () -> true, p -> {});
            assertThatThrownBy(() -> source.theatersNear(999L))
                    .isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("999");
            var wrongToken = new FallbackShowtimeSource(
                    new ServerShowtimeSource(new MarqueeClient(server.url(), "nobody")),
                    new CachedShowtimeSource(cache),
                    () -> true,
                    p -> {});
            assertThatThrownBy(() -> wrongToken.showtimes(1, LocalDate.now(MADRID)))
                    .isInstanceOf(ApiProblem.class)
                    .matches(p -> ((ApiProblem) p).status() == 401);
        }
    }
}
