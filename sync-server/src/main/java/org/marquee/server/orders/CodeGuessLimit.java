package org.marquee.server.orders;

import java.time.Duration;

/**
 * How many booking codes a terminal may miss before its lookups wait ({@code misses} within {@code window}, then 429
 * with {@code Retry-After} until the window ends). The standard limit makes guessing hopeless; tests shorten the window
 * so that they can wait it out.
 */
public record CodeGuessLimit(int misses, Duration window) {

    /** Ten misses a minute per terminal. */
    public static final CodeGuessLimit STANDARD = new CodeGuessLimit(10, Duration.ofMinutes(1));

    public CodeGuessLimit {
        if (misses < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a guess limit needs at least one miss and a positive window");
        }
    }
}
