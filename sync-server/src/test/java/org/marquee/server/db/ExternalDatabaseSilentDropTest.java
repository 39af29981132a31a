package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.BlackholeProxy;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;
import org.marquee.server.testing.TestServer;

/**
 * The network between server and PostgreSQL goes silent (no reset, nothing at all) through a {@link BlackholeProxy}:
 * requests are answered within 5 s instead of hanging, the pool heals by itself once new connections get through,
 * and PostgreSQL ends the sessions the server lost instead of keeping their row locks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseSilentDropTest {

    private ExternalPostgres postgres;
    private BlackholeProxy proxy;
    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        FaultTests.assumePostgres15();
        postgres = ExternalPostgres.start();
        proxy = BlackholeProxy.to(postgres.port());
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/marquee";
        server = TestServer.startWith(
                FaultTests.settings(url, ExternalPostgres.USER, ExternalPostgres.PASSWORD, 4), FaultTests.options());
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsAreAnsweredWithinFiveSecondsAndThePoolHealsAfterTheNetworkComesBack() throws Exception {
        assertThat(server.kiosk(1)
                        .post("/holds", holdBody(showtime, List.of("C1")))
                        .status())
                .isEqualTo(201);

        proxy.blackhole(Duration.ofSeconds(3));
        List<String> slow = new ArrayList<>();
        AtomicInteger kiosk = new AtomicInteger(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            // more callers than connections, as a busy cinema would have
            for (int i = 0; i < 8; i++) {
                String seat = "C" + (10 + i);
                calls.add(clients.submit(() -> {
                    long started = System.nanoTime();
                    Answer answer =
                            server.kiosk(kiosk.incrementAndGet()).post("/holds", holdBody(showtime, List.of(seat)));
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(answer.status()).as(answer.body()).isIn(201, 503);
                    if (answer.status() == 503) {
                        assertThat(answer.errorCode()).isEqualTo("DATABASE_UNAVAILABLE");
                        assertThat(answer.header("Retry-After")).isNotBlank();
                    }
                    return took.compareTo(FaultTests.PROMISED) > 0 ? seat + " took " + took : null;
                }));
            }
            for (Future<String> call : calls) {
                String late = call.get();
                if (late != null) {
                    slow.add(late);
                }
            }
        }
        assertThat(slow).as("requests that waited longer than 5 s").isEmpty();

        // new connections get through again: the pool replaces the dead ones without a restart
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(server.kiosk(1)
                                .post("/holds", holdBody(showtime, List.of("C18")))
                                .status())
                        .isEqualTo(201));
        assertThat(server.kiosk(1).get("/health").status()).isEqualTo(200);
        // and PostgreSQL ended the sessions whose client went silent (the proxy still holds their sockets open)
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sessions("idle in transaction")).isZero());
    }

    @Test
    void aSessionLeftInATransactionBySilenceLosesItsRowLocks() throws Exception {
        ConnectionProperties properties =
                new ConnectionProperties(ExternalPostgres.USER, ExternalPostgres.PASSWORD, FaultTests.SHORT);
        try (BlackholeProxy own = BlackholeProxy.to(postgres.port());
                Connection lost = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + own.port() + "/marquee", properties.pool());
                Connection other = DriverManager.getConnection(postgres.urlWithCredentials())) {
            lost.setAutoCommit(false);
            try (Statement statement = lost.createStatement()) {
                statement.execute("select * from theaters where id = 1 for update");
            }
            own.blackhole(Duration.ZERO);
            long started = System.nanoTime();
            // waits for the lock until PostgreSQL ends the silent session (idle_in_transaction_session_timeout)
            try (Statement statement = other.createStatement()) {
                statement.execute("select * from theaters where id = 1 for update");
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited)
                    .as("the row lock was freed by the idle-in-transaction timeout")
                    .isLessThan(FaultTests.SHORT.idleInTransaction().plusSeconds(3));
        }
    }

    private long sessions(String state) {
        long[] count = {0};
        postgres.superuser(statement -> {
            try (var rows = statement.executeQuery(
                    "select count(*) from pg_stat_activity where usename = 'marquee' and state = '" + state + "'")) {
                rows.next();
                count[0] = rows.getLong(1);
            }
        });
        return count[0];
    }
}
