package org.marquee.server.db;

import java.time.Duration;
import java.util.Properties;

/**
 * The pgjdbc properties of every connection the server opens, built in one place so that the pool, Flyway and the
 * {@code LISTEN} connection use the same credentials and differ only where their jobs differ. A parameter the
 * operator wrote in the JDBC URL wins over any of these (pgjdbc reads the URL last): that is how a timeout is changed.
 */
final class ConnectionProperties {

    private final String user;
    private final String password;
    private final DatabaseTimeouts timeouts;

    ConnectionProperties(String user, String password, DatabaseTimeouts timeouts) {
        this.user = user;
        this.password = password;
        this.timeouts = timeouts;
    }

    /**
     * Pooled request connections: a silent connection ends a read after {@code socket}; PostgreSQL cancels a slow
     * statement first, gives up a lock wait, and ends a session of ours idle in a transaction whose client vanished.
     */
    Properties pool() {
        Properties properties = common("marquee");
        properties.setProperty("socketTimeout", seconds(timeouts.socket()));
        properties.setProperty(
                "options",
                "-c statement_timeout=" + timeouts.statement().toMillis()
                        + " -c lock_timeout=" + timeouts.lock().toMillis()
                        + " -c idle_in_transaction_session_timeout="
                        + timeouts.idleInTransaction().toMillis());
        return properties;
    }

    /**
     * The dedicated {@code LISTEN} connection: it only ever runs short statements (LISTEN, a ping), so a silent one
     * is found by its next ping; it is never in a transaction.
     */
    Properties listener(String applicationName) {
        Properties properties = common(applicationName);
        properties.setProperty("socketTimeout", seconds(timeouts.socket()));
        return properties;
    }

    /** Flyway at start: a migration may legitimately run for minutes, so no statement or socket timeout. */
    Properties migration() {
        return common("marquee-migrate");
    }

    private Properties common(String applicationName) {
        Properties properties = new Properties();
        // null means "from the URL or .pgpass": Properties cannot hold a null, and an empty one would override them
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        // never the key values PostgreSQL puts in the detail of a constraint violation
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", seconds(timeouts.connect()));
        properties.setProperty("loginTimeout", seconds(timeouts.connect()));
        // with several hosts in the URL, pgjdbc remembers which was a standby for this long: after a failover the
        // promoted one must be tried again within seconds, not the default 10
        properties.setProperty("hostRecheckSeconds", "2");
        return properties;
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }
}
