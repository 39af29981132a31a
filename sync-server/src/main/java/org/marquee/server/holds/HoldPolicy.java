package org.marquee.server.holds;

import java.time.Duration;

/**
 * Limits of holds: how long one lives ({@code ttl}, renewed by each extension), how long it may live at most from
 * its creation ({@code maxTotal}), and how many seats one may have.
 */
public record HoldPolicy(Duration ttl, Duration maxTotal, int kioskMaxSeats, int staffMaxSeats) {

    public static final int KIOSK_MAX_SEATS = 10;
    public static final int STAFF_MAX_SEATS = 50;

    public HoldPolicy {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("--hold-ttl must be longer than zero");
        }
        if (maxTotal.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("--hold-max-total must be at least --hold-ttl");
        }
    }

    public static HoldPolicy of(Duration ttl, Duration maxTotal) {
        return new HoldPolicy(ttl, maxTotal, KIOSK_MAX_SEATS, STAFF_MAX_SEATS);
    }
}
