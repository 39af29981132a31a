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
    HoldView hold(long showtimeId, List<String> seatIds);

    /** The hold with exactly {@code seatIds}, all or nothing; its expiry unchanged. */
    HoldView changeSeats(UUID holdId, List<String> seatIds);

    /** The hold with a later expiry, up to its cap. */
    HoldView extend(UUID holdId);

    /** Ends the hold; its seats are free again. */
    void release(UUID holdId);
}
