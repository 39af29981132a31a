package org.marquee.model;

/**
 * Data of the {@code hello} and {@code reload} events of {@code GET /showtimes/{id}/events}: the seat map's current
 * version. After {@code reload}, or a {@code hello} newer than the map a client holds, the client reads the seat map
 * again.
 */
public record SeatMapVersion(long showtimeId, long version) {}
