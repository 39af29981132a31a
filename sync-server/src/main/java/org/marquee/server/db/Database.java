package org.marquee.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    private final String url;
    private final ConnectionProperties connections;

    private Database(
            EmbeddedDatabase embedded, HikariDataSource dataSource, String url, ConnectionProperties connections) {
        this.embedded = embedded;
        this.url = url;
        this.connections = connections;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        // an exception message must never carry bound values into a log: one day one of them is a card number
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        // one broken connection means the others most likely broke with it: a retry must get a new one, not the next
        // dead one (idle ones are replaced now, busy ones when they come back)
        jdbi.getConfig(ConnectionLoss.class).onLost(() -> {
            var pool = dataSource.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
                log.warn("event=pool_renewed reason=connection_lost");
            }
        });
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /** As {@link #open(DatabaseSettings)}, with the pool's meters in {@code meters} (none when it is null). */
    public static Database open(DatabaseSettings settings, MeterRegistry meters) {
        EmbeddedDatabase embedded =
                settings.embedded() ? EmbeddedDatabase.start(settings.dataDir(), settings.poolSize() * 4 + 20) : null;
        try {
            String url = embedded != null ? embedded.jdbcUrl() : settings.jdbcUrl();
            // the embedded URL names its own user; an external one may, or the settings (environment) do
            ConnectionProperties connections = embedded != null
                    ? new ConnectionProperties(null, null, settings.timeouts())
                    : new ConnectionProperties(settings.user(), settings.password(), settings.timeouts());
            migrate(url, connections);
            HikariDataSource dataSource = pool(url, connections, settings, meters);
            Database database = new Database(embedded, dataSource, url, connections);
            log.info(
                    "event=database_ready embedded={} jdbcUrl={} fsync={} synchronousCommit={}",
                    embedded != null,
                    withoutPassword(url),
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

    private static HikariDataSource pool(
            String url, ConnectionProperties connections, DatabaseSettings settings, MeterRegistry meters) {
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("marquee");
        hikari.setJdbcUrl(url);
        hikari.setDataSourceProperties(connections.pool());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setMinimumIdle(settings.poolSize());
        // every transaction runs READ COMMITTED: set once per connection, so that a transaction need not ask first
        // (asking is a round trip, "SHOW TRANSACTION ISOLATION LEVEL", on every transaction)
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // a request that cannot get a connection soon is answered (429 busy, 503 database away), not queued for ever
        hikari.setConnectionTimeout(timeouts.poolWait().toMillis());
        // a connection idle for a while is checked before it is handed out; a dead one is replaced, not used
        hikari.setValidationTimeout(timeouts.validation().toMillis());
        hikari.setKeepaliveTime(timeouts.keepalive().toMillis());
        hikari.setMaxLifetime(timeouts.maxLifetime().toMillis());
        hikari.setInitializationFailTimeout(30_000);
        if (meters != null) {
            // only before the pool starts: Hikari reads its tracker once
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        return new HikariDataSource(hikari);
    }

    /** {@code url} with any {@code password=} parameter taken out, fit for a log line (benchmarks read it there). */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;])password=[^&;]*&?", "$1").replaceAll("[?&;]$", "");
    }

    /** Flyway on a connection of its own, without the request timeouts: a migration may take long. */
    private static void migrate(String url, ConnectionProperties connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("marquee-migrate");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(connections.migration());
        // Flyway holds a second connection for its schema-history lock while it migrates on the first
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(30_000);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            log.info(
                    "event=migrated applied={} schemaVersion={}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A new connection of its own to the same database, outside the pool, for a caller that keeps it open for long
     * (the {@code LISTEN} of live seat events); {@code applicationName} names it in {@code pg_stat_activity}.
     */
    public Connection openDedicated(String applicationName) {
        try {
            return DriverManager.getConnection(url, connections.listener(applicationName));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a connection to the database: " + e.getMessage(), e);
        }
    }

    /**
     * True while requests are waiting for one of the pool's connections: the connections, not the requests, are the
     * limit just now. One field read, fit for every request.
     */
    public boolean connectionsWaitedFor() {
        var pool = dataSource.getHikariPoolMXBean();
        return pool != null && pool.getThreadsAwaitingConnection() > 0;
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
