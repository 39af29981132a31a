package org.marquee.server.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;

/**
 * Slows down guessing booking codes: a terminal that misses {@code limit} code lookups within {@code window} is
 * refused (429 with {@code Retry-After}) until that window ends; a hit forgets its misses. With 24^6 codes and the
 * e-mail a kiosk must give, ten guesses a minute make guessing hopeless.
 *
 * <p>Counted in this instance's memory, per terminal: behind a load balancer with N instances a terminal gets up to N
 * times the limit, which is still far too slow to guess; a restart forgets the counts. Nothing here needs the
 * database, so that a flood of guesses costs no connections.
 */
final class CodeGuesses {

    static final int LIMIT = CodeGuessLimit.STANDARD.misses();
    static final Duration WINDOW = CodeGuessLimit.STANDARD.window();

    private record Misses(Instant windowStart, int count) {}

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<Long, Misses> byTerminal = new ConcurrentHashMap<>();

    CodeGuesses(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    static CodeGuesses of(CodeGuessLimit limit) {
        return new CodeGuesses(Clock.systemUTC(), limit.misses(), limit.window());
    }

    /** Refuses the lookup when the terminal has used up its misses in the current window. */
    void checkAllowed(long terminalId) {
        Misses misses = current(terminalId);
        if (misses != null && misses.count() >= limit) {
            long seconds = Math.max(
                    1,
                    Duration.between(clock.instant(), misses.windowStart().plus(window))
                            .toSeconds());
            throw new MarqueeException(
                    ErrorCode.RATE_LIMITED,
                    "Too many booking codes that matched no order. Please wait " + seconds
                            + " seconds and check the code.",
                    Map.of(MarqueeException.RETRY_AFTER_SECONDS, seconds));
        }
    }

    void missed(long terminalId) {
        Instant now = clock.instant();
        byTerminal.compute(
                terminalId,
                (id, old) -> old == null || expired(old, now)
                        ? new Misses(now, 1)
                        : new Misses(old.windowStart(), old.count() + 1));
        // forget lapsed windows now and then, so that the map stays as small as the set of active guessers
        if (byTerminal.size() > 1_000) {
            byTerminal.values().removeIf(m -> expired(m, now));
        }
    }

    void hit(long terminalId) {
        byTerminal.remove(terminalId);
    }

    private Misses current(long terminalId) {
        Misses misses = byTerminal.get(terminalId);
        return misses == null || expired(misses, clock.instant()) ? null : misses;
    }

    private boolean expired(Misses misses, Instant now) {
        return !now.isBefore(misses.windowStart().plus(window));
    }
}
