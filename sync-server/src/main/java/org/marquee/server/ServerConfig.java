package org.marquee.server;

import java.time.Duration;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;

/** Everything a server start needs, whether it comes from the command line or from a test. */
public record ServerConfig(
        String host,
        int port,
        DatabaseSettings database,
        boolean demoData,
        int demoKiosks,
        HoldPolicy holdPolicy,
        Duration sweepInterval,
        Duration paymentTimeout) {}
