package org.marquee.server.db;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells from an exception whether the database was the reason a request failed, and how: it is away (down,
 * restarting, unreachable, failing over), it is too slow to answer in time, or the pool is simply busy with other
 * requests. Only JDBC and socket types are read, so the HTTP layer can ask without knowing Jdbi or Hikari.
 */
public final class DatabaseFailures {

    /** Why a request could not use the database. */
    public enum Kind {
        /** Down, restarting, unreachable or failing over: answered 503 {@code DATABASE_UNAVAILABLE}. */
        UNAVAILABLE,
        /** Reachable but a statement or lock wait ran out of time: also 503, the request may be tried again. */
        TOO_SLOW,
        /** Every connection busy with other requests, none of them failing: 429 {@code RATE_LIMITED}. */
        POOL_EXHAUSTED,
        /** Not a database fault (or not one this class knows). */
        OTHER
    }

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections. */
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** query_canceled (our statement_timeout) and lock_not_available (our lock_timeout). */
    private static final Set<String> SLOW_STATES = Set.of("57014", "55P03");

    private DatabaseFailures() {}

    public static Kind classify(Throwable e) {
        if (isConnectionFailure(e)) {
            return Kind.UNAVAILABLE;
        }
        boolean poolTimeout = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && SLOW_STATES.contains(sql.getSQLState())) {
                return Kind.TOO_SLOW;
            }
            // Hikari's "request timed out" carries the last failure to make a connection as its cause when making
            // them fails; without one, every connection is simply in use
            poolTimeout |= t instanceof SQLTransientConnectionException;
        }
        return poolTimeout ? Kind.POOL_EXHAUSTED : Kind.OTHER;
    }

    /**
     * True when the connection itself failed: refused, reset, silent past the socket timeout, or ended by a shutdown,
     * crash or failover of PostgreSQL (SQLState class 08, 57P01–57P03).
     */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || AWAY_STATES.contains(state)) {
                    return true;
                }
            }
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
