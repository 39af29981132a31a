package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;
import org.marquee.server.testing.TestServer;

/**
 * A primary and its streaming standby ({@code pg_basebackup -R}) named in one multi-host URL with {@code
 * targetServerType=primary}: the primary dies, the standby is promoted, and the server goes on with it without a
 * restart; its {@code LISTEN} connection follows, and live-event clients are told to reload (DESIGN §10).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseFailoverTest {

    private ExternalPostgres primary;
    private ExternalPostgres standby;
    private TestServer server;

    @BeforeAll
    void start() {
        FaultTests.assumePostgres15();
        primary = ExternalPostgres.start();
        standby = primary.standby();
        String url = "jdbc:postgresql://" + primary.hostAndPort() + "," + standby.hostAndPort()
                + "/marquee?targetServerType=primary";
        server = TestServer.startWith(
                FaultTests.settings(url, ExternalPostgres.USER, ExternalPostgres.PASSWORD, 4), FaultTests.options());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void afterThePrimaryDiesAndTheStandbyIsPromotedHoldsAndLiveEventsGoOnWithoutARestart() {
        long showtime = server.bigHallShowtime();
        try (EventStream stream = EventStream.open(server.kiosk(1), showtime, null)) {
            assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("hello");
            assertThat(server.kiosk(2)
                            .post("/holds", holdBody(showtime, List.of("F1")))
                            .status())
                    .isEqualTo(201);

            primary.kill();
            standby.promote();

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(server.kiosk(3)
                                    .post("/holds", holdBody(showtime, List.of("F5")))
                                    .status())
                            .isEqualTo(201));
            assertThat(stream.next(Duration.ofSeconds(15), e -> e.name().equals("reload")))
                    .as("a reload for the notifications lost with the old primary")
                    .isNotNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                long[] listeners = {0};
                standby.superuser(statement -> {
                    try (var rows = statement.executeQuery("select count(*) from pg_stat_activity"
                            + " where application_name = 'marquee-seat-listener'")) {
                        rows.next();
                        listeners[0] = rows.getLong(1);
                    }
                });
                assertThat(listeners[0])
                        .as("the LISTEN connection on the new primary")
                        .isEqualTo(1);
            });
        }
    }
}
