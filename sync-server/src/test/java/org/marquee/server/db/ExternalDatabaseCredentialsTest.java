package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;
import org.marquee.server.testing.TestServer;

/**
 * Credentials where operators put them (DESIGN §10): in the JDBC URL only, or the password in a {@code .pgpass}; every
 * connection the server opens (pool, Flyway, the {@code LISTEN} of live events) uses the same ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseCredentialsTest {

    private ExternalPostgres postgres;

    @BeforeAll
    void start() {
        FaultTests.assumePostgres15();
        postgres = ExternalPostgres.start();
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withTheUserOnlyInTheUrlAHoldOnOneInstanceReachesASubscriberOfTheOther() {
        var settings = FaultTests.settings(postgres.urlWithCredentials(), null, null, 4);
        try (TestServer a = TestServer.startWith(settings, FaultTests.options());
                TestServer b = TestServer.startWith(settings, FaultTests.options())) {
            long showtime = a.bigHallShowtime();
            awaitListeners(2);
            try (EventStream stream = EventStream.open(b.kiosk(1), showtime, null)) {
                assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("hello");
                assertThat(a.kiosk(2)
                                .post("/holds", holdBody(showtime, List.of("E1")))
                                .status())
                        .isEqualTo(201);
                var held = stream.next(
                        Duration.ofSeconds(5),
                        e -> e.name().equals("seats") && e.data().contains("\"E1\""));
                assertThat(held).as("the hold on A, seen by a client of B").isNotNull();
            }
        }
    }

    @Test
    void aPasswordFromPgpassServesThePoolFlywayAndTheListener() throws Exception {
        Path pgpass = Files.createTempFile("marquee-pgpass", "");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(
                pgpass, "127.0.0.1:" + postgres.port() + ":marquee:marquee:" + ExternalPostgres.PASSWORD + "\n");
        // what PGPASSFILE does for a process; pgjdbc reads this property first
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (TestServer server = TestServer.startWith(
                FaultTests.settings(postgres.url() + "?user=marquee", null, null, 4), FaultTests.options())) {
            long showtime = server.bigHallShowtime();
            assertThat(server.kiosk(1)
                            .post("/holds", holdBody(showtime, List.of("E5")))
                            .status())
                    .isEqualTo(201);
            awaitListeners(1);
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
            Files.delete(pgpass);
        }
    }

    @Test
    void credentialsFromTheEnvironmentPreferMarqueesOwnNamesToLibpqs() {
        assertThat(DatabaseCredentials.fromEnvironment(Map.of("PGUSER", "pg", "PGPASSWORD", "pw")))
                .isEqualTo(new DatabaseCredentials("pg", "pw"));
        assertThat(DatabaseCredentials.fromEnvironment(
                        Map.of("MARQUEE_DB_USER", "m", "PGUSER", "pg", "MARQUEE_DB_PASSWORD", "", "PGPASSWORD", "pw")))
                .isEqualTo(new DatabaseCredentials("m", "pw"));
        assertThat(DatabaseCredentials.fromEnvironment(Map.of())).isEqualTo(new DatabaseCredentials(null, null));
    }

    /** The live-events listeners, connected as the marquee user: the connection that died of a null user before. */
    private void awaitListeners(int count) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long[] listeners = {0};
            postgres.superuser(statement -> {
                try (var rows = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where application_name = 'marquee-seat-listener' and usename = 'marquee'")) {
                    rows.next();
                    listeners[0] = rows.getLong(1);
                }
            });
            assertThat(listeners[0]).isEqualTo(count);
        });
    }
}
