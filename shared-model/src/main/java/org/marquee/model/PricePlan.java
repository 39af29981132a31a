package org.marquee.model;

import java.util.Map;

/**
 * A price plan (DESIGN §7.1): a price per ticket type and a surcharge per seat type, in minor units of
 * {@code currency}. Body of {@code POST}/{@code PUT /admin/price-plans} without {@code id} (null), and their answer
 * with it.
 */
public record PricePlan(
        Long id,
        String name,
        String currency,
        Map<TicketType, Long> ticketPrices,
        Map<SeatType, Long> seatSurcharges) {}
