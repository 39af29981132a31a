package org.marquee.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A seat hold as the server sees it. {@code serverTime} is the server's clock when it answered, so a client counts
 * down with {@code expiresAt - serverTime} whatever its own clock says; {@code maxExpiresAt} is the latest any
 * extension can reach. {@code releasedBy} is {@code MANAGER} for a hold a manager force-released (DESIGN §7.3), else
 * null.
 */
public record HoldView(
        UUID holdId,
        long showtimeId,
        List<String> seatIds,
        HoldStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant maxExpiresAt,
        Instant serverTime,
        String releasedBy) {
    public HoldView {
        seatIds = List.copyOf(seatIds);
    }

    /** A hold nobody released on its owner's behalf. */
    public HoldView(
            UUID holdId,
            long showtimeId,
            List<String> seatIds,
            HoldStatus status,
            Instant createdAt,
            Instant expiresAt,
            Instant maxExpiresAt,
            Instant serverTime) {
        this(holdId, showtimeId, seatIds, status, createdAt, expiresAt, maxExpiresAt, serverTime, null);
    }

    /** This hold, released by {@code who} (MANAGER). */
    public HoldView releasedBy(String who) {
        return new HoldView(holdId, showtimeId, seatIds, status, createdAt, expiresAt, maxExpiresAt, serverTime, who);
    }
}
