package org.marquee.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One seat of a showtime's seat map with its current status; {@code restriction} says why a seat is kept from some
 * callers (DESIGN §8), and is absent for a seat anyone may have.
 */
public record SeatView(
        String id,
        String row,
        int number,
        int x,
        int y,
        SeatType type,
        SeatStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) SeatRestriction restriction) {

    /** A seat anyone may have. */
    public SeatView(String id, String row, int number, int x, int y, SeatType type, SeatStatus status) {
        this(id, row, number, x, y, type, status, null);
    }
}
