package org.marquee.kiosk.seatmap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.marquee.model.HoldView;

/**
 * The time left on a hold, counted on the server's clock: {@code offset} is the server's time minus this terminal's
 * when the hold arrived, so a terminal whose clock is minutes off still counts down to the server's second.
 */
public record HoldCountdown(HoldView hold, Duration offset) {

    /** Offering more time starts this long before the end. */
    public static final Duration OFFER_WINDOW = Duration.ofSeconds(60);

    /*
     * Each screen makes a new view-model, but a hold arrived once: counting from when a later screen first saw it
     * would give back the time spent before. So the first sighting of each hold object is kept here; an entry goes
     * when nothing (the Sale, a view-model) refers to that hold any more.
     */
    private static final Map<HoldView, Instant> FIRST_SEEN = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The countdown of {@code hold} from when this terminal first saw it: call it when the hold arrives from the
     * server, and again from any later screen.
     */
    public static HoldCountdown seen(HoldView hold, Clock clock) {
        return of(hold, FIRST_SEEN.computeIfAbsent(hold, h -> clock.instant()));
    }

    /** The countdown of {@code hold}, received when this terminal's clock read {@code receivedAt}. */
    public static HoldCountdown of(HoldView hold, Instant receivedAt) {
        Duration offset = hold.serverTime() == null ? Duration.ZERO : Duration.between(receivedAt, hold.serverTime());
        return new HoldCountdown(hold, offset);
    }

    /** Time left when this terminal's clock reads {@code localNow}; never negative. */
    public Duration remaining(Instant localNow) {
        Duration left = Duration.between(localNow.plus(offset), hold.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired(Instant localNow) {
        return remaining(localNow).isZero();
    }

    /** True while an extension could still add time: the hold has not reached its cap. */
    public boolean extendable() {
        return hold.maxExpiresAt() == null || hold.expiresAt().isBefore(hold.maxExpiresAt());
    }

    /** Whether to offer "More time" now: in the last minute, not yet over, and below the cap. */
    public boolean offerExtension(Instant localNow) {
        Duration left = remaining(localNow);
        return !left.isZero() && left.compareTo(OFFER_WINDOW) <= 0 && extendable();
    }

    /** {@code mm:ss}, counting whole seconds up, so it shows 00:00 only when the time is over. */
    public static String format(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return "%02d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
