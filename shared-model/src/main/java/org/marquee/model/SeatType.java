package org.marquee.model;

/** Kind of seat in an auditorium layout. */
public enum SeatType {
    STANDARD,
    PREMIUM,
    WHEELCHAIR,
    COMPANION
}
