package org.marquee.server;

import java.time.Duration;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.tickets.MailSettings;

/**
 * Everything a server start needs, whether it comes from the command line or from a test; {@code mail} may be null.
 */
public record ServerConfig(
        String host,
        int port,
        DatabaseSettings database,
        boolean demoData,
        int demoKiosks,
        HoldPolicy holdPolicy,
        Duration sweepInterval,
        Duration paymentTimeout,
        MailSettings mail,
        Duration sseHeartbeat) {

    /** How often an idle live-events stream gets a comment, so that proxies keep it open. */
    public static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    public ServerConfig(
            String host,
            int port,
            DatabaseSettings database,
            boolean demoData,
            int demoKiosks,
            HoldPolicy holdPolicy,
            Duration sweepInterval,
            Duration paymentTimeout,
            MailSettings mail) {
        this(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                SSE_HEARTBEAT);
    }

    /** True when confirmation e-mails can be sent: an SMTP host was given. */
    public boolean mailEnabled() {
        return mail != null;
    }
}
