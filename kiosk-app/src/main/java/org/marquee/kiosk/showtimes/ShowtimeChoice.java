package org.marquee.kiosk.showtimes;

import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;

/**
 * One showtime as the screen shows it: local start time, format and auditorium, seats left. {@code started} ones
 * (and sold-out or cancelled ones) are shown but cannot be chosen.
 */
public record ShowtimeChoice(
        ShowtimeListing listing, String time, String details, String seatsText, boolean started, boolean soldOut) {

    public boolean cancelled() {
        return listing.status() == ShowtimeStatus.CANCELLED;
    }

    /** Whether a person may pick it: not started, not sold out, not cancelled. */
    public boolean selectable() {
        return !started && !soldOut && !cancelled();
    }
}
