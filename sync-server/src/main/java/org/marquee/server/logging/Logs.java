package org.marquee.server.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** The server's log output as a whole. */
public final class Logs {

    private Logs() {}

    /**
     * Stops logback, which writes every line its appenders still hold ({@link BatchedConsoleAppender} queues them).
     * Called last before the process exits; nothing logged afterwards is written.
     */
    public static void finish() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
