package org.marquee.kiosk.seatdrawing;

import org.marquee.model.SeatStatus;

/** How a seat is drawn: the server's status, or {@link #MINE} when this terminal has chosen it. */
public enum SeatState {
    AVAILABLE,
    HELD,
    SOLD,
    BLOCKED,
    MINE;

    public static SeatState of(SeatStatus status, boolean mine) {
        if (mine) {
            return MINE;
        }
        return switch (status) {
            case AVAILABLE -> AVAILABLE;
            case HELD -> HELD;
            case SOLD -> SOLD;
            case BLOCKED -> BLOCKED;
        };
    }
}
