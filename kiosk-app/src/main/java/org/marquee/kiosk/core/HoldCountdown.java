package org.marquee.kiosk.core;

import java.time.Duration;
import java.time.Instant;
import org.marquee.model.HoldView;

/**
 * The time left on a hold, counted on the server's clock: {@code offset} is the server's time minus this terminal's
 * when the hold arrived, so a terminal whose clock is minutes off still counts down to the server's second.
 */
public record HoldCountdown(HoldView hold, Duration offset) {

    /** Offering more time starts this long before the end. */
    public static final Duration OFFER_WINDOW = Duration.ofSeconds(60);

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
