package org.marquee.server.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.ServerProcess;
import org.marquee.server.testing.TestPostgres;

/**
 * The server as shipped writes its log through {@link BatchedConsoleAppender} (the tests' own configuration writes
 * directly): an operator following one request finds its line by the request id the client got, and a server
 * stopped with SIGTERM (systemd's stop, Ctrl-C) leaves every line up to its last one in the log.
 */
class ShippedLogConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void aRequestsLineCarriesItsIdAndAStoppedServerLeavesItsLastLine() {
        String jdbcUrl = TestPostgres.newDatabase("shipped_log");
        ServerProcess server =
                ServerProcess.start(jdbcUrl, dataDir, List.of("-Dlogback.configurationFile=logback.xml"), List.of());
        try (server) {
            Answer answer = server.client("demo-kiosk-1").get("/catalog/changes?since=0");
            assertThat(answer.status()).isEqualTo(200);
            String requestId = answer.header("X-Request-Id");
            assertThat(requestId).isNotBlank();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.log()
                            .lines()
                            .anyMatch(line -> line.contains("requestId=" + requestId)
                                    && line.contains("terminal=demo-kiosk-1")
                                    && line.contains(
                                            "event=request method=GET path=/api/v1/catalog/changes status=200")));
        }
        // close() sent SIGTERM and waited for the process to end
        assertThat(server.alive()).isFalse();
        List<String> lines = server.log().lines().toList();
        assertThat(lines)
                .as("the shipped pattern (ISO time stamps), not the tests' own")
                .anyMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=INFO .*"));
        assertThat(lines.getLast()).contains("level=INFO").contains("event=server_stopped");
        assertThat(lines)
                .filteredOn(line -> line.contains("event=server_stopping"))
                .hasSize(1);
    }
}
