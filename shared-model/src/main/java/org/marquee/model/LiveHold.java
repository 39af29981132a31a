package org.marquee.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live hold as {@code GET /admin/holds} lists it (DESIGN §7.3): whose, on which showtime, which seats, until when. */
public record LiveHold(
        UUID holdId,
        TerminalRef terminal,
        long showtimeId,
        String movieTitle,
        Instant startsAt,
        List<String> seatIds,
        Instant createdAt,
        Instant expiresAt) {

    public record TerminalRef(long id, String name) {}
}
