package org.marquee.kiosk.client;

import java.util.List;
import java.util.UUID;
import org.marquee.model.HoldView;
import org.marquee.model.SeatMap;
import org.marquee.model.ShowtimePrices;

/**
 * The seats of a showtime and this terminal's hold on some of them, as the server keeps them. Blocking: call off the
 * FX thread. A seat someone else has is refused with {@code SEATS_UNAVAILABLE} naming it; a hold past its time with
 * {@code HOLD_EXPIRED} or {@code HOLD_NOT_ACTIVE}.
 */
public interface SeatHolds {

    SeatMap seatMap(long showtimeId);

    /** What the showtime's seats cost (its price plan): for the legend's "Premium +€3.00". */
    ShowtimePrices prices(long showtimeId);

    /** A new hold on {@code seatIds}; the terminal's previous hold, if any, ends. */
    default HoldView hold(long showtimeId, List<String> seatIds) {
        return hold(showtimeId, seatIds, false);
    }

    /**
     * A new hold on {@code seatIds}; {@code accessible} asks for wheelchair spaces and companion seats too (DESIGN §8:
     * refused with {@code ACCESSIBLE_SEATS_RESERVED} without it). The terminal's previous hold, if any, ends.
     */
    HoldView hold(long showtimeId, List<String> seatIds, boolean accessible);

    /**
     * A new hold on the best {@code count} seats the server finds for this terminal (DESIGN §8, best available): side by
     * side in one row when such a block exists, else the best it can do; {@code SEATS_UNAVAILABLE} when fewer are free.
     * {@code accessible} lets it choose wheelchair spaces with companion seats. The terminal's previous hold ends.
     */
    HoldView holdBest(long showtimeId, int count, boolean accessible);

    /** The hold with exactly {@code seatIds}, all or nothing; its expiry unchanged. */
    HoldView changeSeats(UUID holdId, List<String> seatIds);

    /** The hold with a later expiry, up to its cap. */
    HoldView extend(UUID holdId);

    /** Ends the hold; its seats are free again. */
    void release(UUID holdId);
}
