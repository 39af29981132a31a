package org.marquee.server.orders;

import java.time.Duration;

/**
 * When a refused card refund is tried again (DESIGN §7.3, docs/decisions/0022): {@code base} after the first refusal,
 * then twice as long after each further one (1 min, 2, 4, 8 …), never longer than {@code cap}. The base is
 * {@code --refund-retry-base} (tests make it short); the cap is an hour, so a provider that is back is used within one.
 */
public record RefundRetryPolicy(Duration base, Duration cap) {

    public static final Duration DEFAULT_BASE = Duration.ofMinutes(1);
    public static final Duration CAP = Duration.ofHours(1);

    public RefundRetryPolicy {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("The refund retry base must be positive, not " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("The refund retry cap " + cap + " is shorter than its base " + base);
        }
    }

    /** One minute, doubling, at most an hour. */
    public static RefundRetryPolicy standard() {
        return of(DEFAULT_BASE);
    }

    /** {@code base}, doubling, at most an hour (or {@code base} itself when that is longer). */
    public static RefundRetryPolicy of(Duration base) {
        return new RefundRetryPolicy(base, base.compareTo(CAP) > 0 ? base : CAP);
    }

    /** How long to wait after the {@code failures}-th refusal before the next try. */
    public Duration after(int failures) {
        int doublings = Math.clamp(failures - 1L, 0, 40);
        Duration wait = base;
        for (int i = 0; i < doublings && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
