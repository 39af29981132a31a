package org.marquee.model;

/**
 * One seat of an auditorium layout: id such as {@code F7}, row label, number within the row, grid position (x column,
 * y row, the screen above row 0), type, and whether it is out of service.
 */
public record SeatDefinition(String id, String row, int number, int x, int y, SeatType type, boolean blocked) {}
