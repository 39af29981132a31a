package org.marquee.server.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places where a test may stop the server dead, as {@code kill -9} would, to prove that a crash at that moment loses
 * neither money nor seats. Off unless the JVM was started with {@code -Dmarquee.crashAt=<name>}; the names are the
 * steps of a payment: {@code before_intent}, {@code after_intent}, {@code after_charge}, {@code after_commit},
 * {@code before_answer}.
 */
public final class CrashPoints {

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);
    private static final String AT = System.getProperty("marquee.crashAt");

    private CrashPoints() {}

    /** Halts the JVM at once, without shutdown hooks, when {@code name} is the configured crash point. */
    public static void reach(String name) {
        if (AT != null && AT.equals(name)) {
            log.error("event=crash_point_reached point={}", name);
            Runtime.getRuntime().halt(137);
        }
    }
}
