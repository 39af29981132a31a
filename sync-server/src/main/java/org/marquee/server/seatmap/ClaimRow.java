package org.marquee.server.seatmap;

import java.time.Instant;
import org.marquee.model.SeatStatus;

/**
 * A seat's claim as the database sees it now: {@code status} is AVAILABLE, HELD or SOLD (expired holds already count
 * as AVAILABLE), {@code heldUntil} the expiry of a live hold and {@code heldBy} the terminal of that hold (0 when the seat
 * is not held).
 */
public record ClaimRow(String seatId, SeatStatus status, Instant heldUntil, long heldBy, long version) {

    public ClaimRow(String seatId, SeatStatus status, Instant heldUntil, long version) {
        this(seatId, status, heldUntil, 0, version);
    }
}
