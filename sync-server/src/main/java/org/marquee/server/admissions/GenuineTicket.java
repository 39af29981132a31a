package org.marquee.server.admissions;

import java.time.Instant;

/**
 * What a token with a valid signature claims: by id for {@code MQT2}; an old {@code MQT1} token carries no ticket id
 * ({@code ticketId} 0), so its order code and seat find the ticket.
 */
public record GenuineTicket(long ticketId, String orderCode, long showtimeId, String seatId, Instant startsAt) {}
