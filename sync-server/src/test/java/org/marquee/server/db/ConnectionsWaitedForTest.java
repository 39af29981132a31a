package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.TestPostgres;

/**
 * The signal that lets a hold take its first check while the pool is the limit (decision 0038): true exactly while a
 * request is waiting for one of the pool's connections, on a real pool of two against PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsWaitedForTest {

    private Database database;

    @BeforeAll
    void start() {
        database = Database.open(new DatabaseSettings(
                TestPostgres.newDatabase("connections_waited_for"), "postgres", "postgres", Path.of("unused"), 2));
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void trueOnlyWhileARequestWaitsForAConnection() throws Exception {
        assertThat(database.connectionsWaitedFor()).as("an idle pool").isFalse();
        try (Handle first = database.jdbi().open();
                Handle second = database.jdbi().open()) {
            assertThat(database.connectionsWaitedFor())
                    .as("every connection busy, nobody waiting yet")
                    .isFalse();
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> database.jdbi()
                    .withHandle(
                            h -> h.createQuery("select 7").mapTo(Integer.class).one()));
            await().atMost(Duration.ofSeconds(5)).until(database::connectionsWaitedFor);
            assertThat(waiting).isNotDone();

            first.close();

            assertThat(waiting.get()).isEqualTo(7);
            assertThat(database.connectionsWaitedFor())
                    .as("the waiting request got its connection")
                    .isFalse();
            assertThat(second.createQuery("select 1").mapTo(Integer.class).one())
                    .isEqualTo(1);
        }
    }
}
