package org.marquee.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A seat hold as the server sees it. {@code serverTime} is the server's clock when it answered, so a client counts
 * down with {@code expiresAt - serverTime} whatever its own clock says; {@code maxExpiresAt} is the latest any
 * extension can reach.
 */
public record HoldView(
        UUID holdId,
        long showtimeId,
        List<String> seatIds,
        HoldStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant maxExpiresAt,
        Instant serverTime) {
    public HoldView {
        seatIds = List.copyOf(seatIds);
    }
}
