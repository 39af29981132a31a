package org.marquee.model;

/** Whether a showtime can be sold. */
public enum ShowtimeStatus {
    ON_SALE,
    CANCELLED
}
