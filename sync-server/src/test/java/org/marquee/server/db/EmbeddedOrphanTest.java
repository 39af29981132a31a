package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.marquee.server.ServerMain;
import org.marquee.server.testing.ExternalPostgres;

/**
 * The real server as its own process on an embedded PostgreSQL, killed with {@code kill -9}: its postgres survives
 * (re-parented to PID 1) holding the data directory, and the next start on the same {@code --data-dir} stops that
 * postgres and answers {@code /health} within seconds, instead of failing after a minute.
 */
class EmbeddedOrphanTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void aStartAfterKillMinus9StopsThePostgresLeftOnTheDataDirectoryAndComesUp() throws Exception {
        Path dataDir = Files.createTempDirectory("marquee-orphan");
        Path pgData = dataDir.resolve("pgdata");
        Process first = null;
        Process second = null;
        try {
            int port = ExternalPostgres.freePort();
            first = start(dataDir, port, "first");
            // the first start may unpack the PostgreSQL binaries
            awaitHealthy(port, Duration.ofSeconds(90));
            long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs, the JVM alone dies
            first.waitFor(10, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the embedded postgres outlives a kill -9 of its server")
                    .contains(true);

            int secondPort = ExternalPostgres.freePort();
            second = start(dataDir, secondPort, "second");
            // about 5 s on an idle machine; before the fix, a start here failed after 61 s. The margin is for a busy CI
            awaitHealthy(secondPort, Duration.ofSeconds(30));
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the orphan was stopped")
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(Files.readString(dataDir.resolve("second.log")))
                    .contains("event=embedded_postgres_orphan_found");

            second.destroy(); // SIGTERM: a clean stop takes its postgres along
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
        } finally {
            for (Process process : new Process[] {first, second}) {
                if (process != null && process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            OrphanedPostgres.stopIfRunning(pgData);
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process start(Path dataDir, int port, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServerMain.class.getName(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        dataDir.toString(),
                        "--pool-size",
                        "2"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(int port, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> health(port) == 200);
    }

    private static int health(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
