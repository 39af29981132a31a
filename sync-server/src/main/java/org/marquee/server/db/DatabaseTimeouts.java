package org.marquee.server.db;

import java.time.Duration;

/**
 * How long the server waits for its database before it gives up and answers 503, and how PostgreSQL itself ends the
 * sessions of a server that went silent. Together they bound every request at about {@code poolWait + socket} (DESIGN
 * §10: no request waits more than about 5 s) and let the pool heal after a network drop. See docs/OPERATIONS.md.
 *
 * @param poolWait longest a request waits for a pooled connection (Hikari {@code connectionTimeout})
 * @param validation longest a check of a pooled connection may take before it is handed out (Hikari)
 * @param connect TCP connect and login to PostgreSQL (pgjdbc {@code connectTimeout}, {@code loginTimeout})
 * @param socket longest a read from PostgreSQL may block (pgjdbc {@code socketTimeout}): what ends a request whose
 *     connection went silent without a reset
 * @param statement PostgreSQL's {@code statement_timeout} for the server's sessions: shorter than {@code socket}, so
 *     that a merely slow statement is cancelled cleanly by PostgreSQL instead of its connection being dropped
 * @param lock PostgreSQL's {@code lock_timeout}: a row lock held by a session that went silent is never waited out
 * @param idleInTransaction PostgreSQL's {@code idle_in_transaction_session_timeout}: the server ends a session of
 *     ours left in a transaction (and frees its row locks) when its client vanished
 * @param keepalive how often Hikari checks an idle pooled connection (at least 30 s)
 * @param maxLifetime when Hikari replaces a pooled connection, so that none outlives a failover for long
 */
public record DatabaseTimeouts(
        Duration poolWait,
        Duration validation,
        Duration connect,
        Duration socket,
        Duration statement,
        Duration lock,
        Duration idleInTransaction,
        Duration keepalive,
        Duration maxLifetime) {

    /**
     * For production: a refused or reset connection is answered at once, a pool wait after 2 s, a silent connection
     * after 4 s; only a request that first waited for the pool and then met a silent connection can reach 6 s.
     */
    public static final DatabaseTimeouts DEFAULTS = new DatabaseTimeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    public DatabaseTimeouts {
        if (statement.compareTo(socket) >= 0) {
            throw new IllegalArgumentException("statement timeout must be shorter than the socket timeout");
        }
        if (socket.toSeconds() < 1 || connect.toSeconds() < 1) {
            throw new IllegalArgumentException("pgjdbc counts its timeouts in whole seconds: at least 1 s");
        }
    }
}
