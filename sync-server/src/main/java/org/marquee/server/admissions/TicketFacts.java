package org.marquee.server.admissions;

import java.time.Instant;

/** What the database knows of a ticket, to hold a token's claims against: its order, showtime and their states. */
public record TicketFacts(
        long ticketId,
        String seatId,
        String orderCode,
        String orderStatus,
        long showtimeId,
        String showtimeStatus,
        Instant startsAt) {}
