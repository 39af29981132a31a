package org.marquee.server.seatmap;

import java.time.Instant;
import org.marquee.model.SeatStatus;

/**
 * A seat's claim as the database sees it now: {@code status} is AVAILABLE, HELD or SOLD (expired holds already count
 * as AVAILABLE), {@code heldUntil} the expiry of a live hold.
 */
public record ClaimRow(String seatId, SeatStatus status, Instant heldUntil, long version) {}
