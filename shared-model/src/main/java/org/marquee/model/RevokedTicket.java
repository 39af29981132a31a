package org.marquee.model;

/** A ticket a door must refuse: {@code reason} is {@code REFUNDED}, {@code CANCELLED} or {@code SHOWTIME_CANCELLED}. */
public record RevokedTicket(long ticketId, long showtimeId, String seatId, String reason) {}
