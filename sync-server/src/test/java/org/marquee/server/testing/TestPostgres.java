package org.marquee.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test run, started on first use and stopped when the JVM exits. Each test class asks for a
 * database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {}

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("marquee-test-pg"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        // tests need durability semantics, not durability itself
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** A new empty database; returns its JDBC URL (user and password: postgres). */
    public static String newDatabase(String hint) {
        String name = (hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }
}
