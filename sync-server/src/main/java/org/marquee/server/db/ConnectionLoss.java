package org.marquee.server.db;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * What a Jdbi does when one of its connections turns out broken: the pool's other connections very likely
 * died the same way (a restart or failover of PostgreSQL ends them all), and one used in the last half second would be
 * handed out without a check. Kept in the Jdbi's configuration, so that each server in a JVM reaches its own pool.
 */
public final class ConnectionLoss implements JdbiConfig<ConnectionLoss> {

    private Runnable onLost = () -> {};

    public ConnectionLoss() {}

    private ConnectionLoss(ConnectionLoss other) {
        this.onLost = other.onLost;
    }

    /** {@code action} runs when a connection was found broken, before the work is tried again. */
    public void onLost(Runnable action) {
        this.onLost = action;
    }

    void lost() {
        onLost.run();
    }

    @Override
    public ConnectionLoss createCopy() {
        return new ConnectionLoss(this);
    }
}
