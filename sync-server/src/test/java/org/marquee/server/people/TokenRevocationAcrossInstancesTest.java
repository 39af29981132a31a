package org.marquee.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;

/**
 * Two server instances on one database, as behind a load balancer: a token revoked or replaced through one is refused
 * by the other at once, although the other had just cached it as valid (DESIGN §7.2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationAcrossInstancesTest {

    private TestServer first;
    private TestServer second;
    private ApiClient manager;

    @BeforeAll
    void start() {
        first = TestServer.start("tokensacross", TestServer.Options.defaults());
        second = TestServer.startOn(first.jdbcUrl(), TestServer.Options.defaults());
        manager = first.manager();
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    private JsonNode newTerminal(String kind) {
        var answer = manager.post(
                "/admin/terminals",
                "{\"name\":\"" + kind + " " + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\",\"theaterId\":1}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    @Test
    void aRevokedTokenIsRefusedByTheOtherInstanceAtOnce() {
        for (int round = 0; round < 5; round++) {
            JsonNode terminal = newTerminal("KIOSK");
            ApiClient onSecond = second.client(terminal.path("token").asText());
            // the second instance now holds the token in its cache as valid
            assertThat(onSecond.get("/theaters").status()).isEqualTo(200);
            assertThat(onSecond.get("/terminals/me").status()).isEqualTo(200);

            var revoked = manager.post("/admin/terminals/" + terminal.path("id").asLong() + "/revoke", null);
            assertThat(revoked.status()).isEqualTo(200);

            var answer = onSecond.get("/theaters");
            assertThat(answer.status()).as("round %d: %s", round, answer.body()).isEqualTo(401);
            assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void aReplacedTokenIsRefusedByTheOtherInstanceAtOnceAndTheNewOneWorks() {
        JsonNode terminal = newTerminal("COUNTER");
        ApiClient oldOnSecond = second.client(terminal.path("token").asText());
        assertThat(oldOnSecond.get("/theaters").status()).isEqualTo(200);

        var rotated = manager.post("/admin/terminals/" + terminal.path("id").asLong() + "/rotate-token", null);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(oldOnSecond.get("/theaters").status()).isEqualTo(401);
        assertThat(second.client(rotated.json().path("token").asText())
                        .get("/theaters")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDeactivatedClerksSessionEndsOnTheOtherInstanceAtOnce() {
        var created = manager.post(
                "/admin/staff",
                "{\"username\":\"across-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"displayName\":\"Across\",\"role\":\"CLERK\",\"pin\":\"4321\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = second.signIn(created.json().path("username").asText(), "4321");
        ApiClient clerkOnSecond = second.client(session);
        assertThat(clerkOnSecond.get("/theaters").status()).isEqualTo(200);

        var deactivated =
                manager.put("/admin/staff/" + created.json().path("id").asLong(), "{\"active\":false}");

        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(clerkOnSecond.get("/theaters").status()).isEqualTo(401);
    }

    @Test
    void afterTheListeningConnectionIsLostTheWholeCacheIsDropped() {
        JsonNode terminal = newTerminal("KIOSK");
        ApiClient onSecond = second.client(terminal.path("token").asText());
        long cachedAt = System.nanoTime();
        assertThat(onSecond.get("/theaters").status()).isEqualTo(200);

        // the listeners' connections drop, and a revocation's notification is lost with them (written without one)
        first.jdbi().useHandle(handle -> {
            handle.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'marquee-token-listener'");
            handle.execute(
                    "update terminals set revoked_at = now() where id = ?",
                    terminal.path("id").asLong());
        });

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () -> assertThat(onSecond.get("/theaters").status()).isEqualTo(401));
        assertThat(Duration.ofNanos(System.nanoTime() - cachedAt))
                .as("refused after the reconnection, well before the cached answer would have run out")
                .isLessThan(Duration.ofSeconds(8));
    }
}
