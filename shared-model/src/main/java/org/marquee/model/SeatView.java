package org.marquee.model;

/** One seat of a showtime's seat map with its current status. */
public record SeatView(String id, String row, int number, int x, int y, SeatType type, SeatStatus status) {}
