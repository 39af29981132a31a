package org.marquee.model;

/** One seat of an order and the ticket type it is sold as. */
public record TicketRequest(String seatId, TicketType type) {}
