package org.marquee.model;

/** One seat whose status changed, in a live seat-map event. */
public record SeatChange(String seatId, SeatStatus status) {}
