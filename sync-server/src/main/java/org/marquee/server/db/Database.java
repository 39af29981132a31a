package org.marquee.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: embedded or external, behind a small HikariCP pool, migrated by Flyway at open. Closing it
 * closes the pool, then stops the embedded database if there is one.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseSettings settings;

    private Database(EmbeddedDatabase embedded, HikariDataSource dataSource, DatabaseSettings settings) {
        this.embedded = embedded;
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        // an exception message must never carry bound values into a log: one day one of them is a card number
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /** As {@link #open(DatabaseSettings)}, with the pool's meters in {@code meters} (none when it is null). */
    public static Database open(DatabaseSettings settings, MeterRegistry meters) {
        EmbeddedDatabase embedded =
                settings.embedded() ? EmbeddedDatabase.start(settings.dataDir(), settings.poolSize() * 4 + 20) : null;
        try {
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("marquee");
            if (embedded != null) {
                hikari.setJdbcUrl(embedded.jdbcUrl());
            } else {
                hikari.setJdbcUrl(settings.jdbcUrl());
                hikari.setUsername(settings.user());
                hikari.setPassword(settings.password());
            }
            // nor the key values that PostgreSQL puts in the detail of a constraint violation
            hikari.addDataSourceProperty("logServerErrorDetail", "false");
            hikari.setMaximumPoolSize(settings.poolSize());
            hikari.setMinimumIdle(settings.poolSize());
            // a request that cannot get a connection soon is answered 429, not queued for ever
            hikari.setConnectionTimeout(2_000);
            hikari.setInitializationFailTimeout(30_000);
            if (meters != null) {
                // only before the pool starts: Hikari reads its tracker once
                hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            }
            HikariDataSource dataSource = new HikariDataSource(hikari);
            migrate(dataSource);
            Database database = new Database(embedded, dataSource, settings);
            log.info(
                    "event=database_ready embedded={} jdbcUrl={} fsync={} synchronousCommit={}",
                    embedded != null,
                    withoutPassword(embedded != null ? embedded.jdbcUrl() : settings.jdbcUrl()),
                    database.setting("fsync"),
                    database.setting("synchronous_commit"));
            return database;
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** {@code url} with any {@code password=} parameter taken out, fit for a log line (benchmarks read it there). */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;])password=[^&;]*&?", "$1").replaceAll("[?&;]$", "");
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("event=migrated applied={} schemaVersion={}", result.migrationsExecuted, result.targetSchemaVersion);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A new connection of its own to the same database, outside the pool, for a caller that keeps it open for long
     * (the {@code LISTEN} of live seat events); {@code applicationName} names it in {@code pg_stat_activity}.
     */
    public Connection openDedicated(String applicationName) {
        Properties properties = new Properties();
        if (embedded == null) {
            properties.setProperty("user", settings.user());
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(embedded != null ? embedded.jdbcUrl() : settings.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a connection to the database: " + e.getMessage(), e);
        }
    }

    /** A run-time setting of the database, such as {@code fsync}. */
    public String setting(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select current_setting(:name)")
                .bind("name", name)
                .mapTo(String.class)
                .one());
    }

    /** True when the database answers a trivial query now. */
    public boolean ping() {
        try {
            return jdbi.withHandle(handle ->
                    handle.createQuery("select 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            log.warn("event=database_ping_failed reason={}", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        log.info("event=pool_closed");
        if (embedded != null) {
            embedded.close();
        }
    }
}
