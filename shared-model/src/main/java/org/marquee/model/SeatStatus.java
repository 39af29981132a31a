package org.marquee.model;

/** What a seat of one showtime is right now. */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD,
    BLOCKED
}
