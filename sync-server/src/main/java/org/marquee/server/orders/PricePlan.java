package org.marquee.server.orders;

import java.util.Map;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** What a showtime's seats cost: a price per ticket type, plus a surcharge per seat type, in minor units. */
public record PricePlan(String currency, Map<TicketType, Long> ticketPrices, Map<SeatType, Long> seatSurcharges) {

    public PricePlan {
        ticketPrices = Map.copyOf(ticketPrices);
        seatSurcharges = Map.copyOf(seatSurcharges);
    }

    /** The price of one ticket, or empty when the plan sells no tickets of that type. */
    public java.util.OptionalLong price(TicketType type, SeatType seat) {
        Long base = ticketPrices.get(type);
        if (base == null) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(base + seatSurcharges.getOrDefault(seat, 0L));
    }
}
