package org.marquee.model;

import java.util.Map;

/**
 * Answer of {@code GET /showtimes/{id}/prices}: what the showtime's seats cost, from its price plan, in minor units of
 * {@code currency}: a price per ticket type (a type left out is not sold) and a surcharge per seat type.
 */
public record ShowtimePrices(
        long showtimeId, String currency, Map<TicketType, Long> ticketPrices, Map<SeatType, Long> seatSurcharges) {
    public ShowtimePrices {
        ticketPrices = Map.copyOf(ticketPrices);
        seatSurcharges = Map.copyOf(seatSurcharges);
    }
}
