package org.marquee.model;

import java.time.Instant;

/**
 * What one scan came to. {@code ticketId}, {@code seatId} and {@code showtimeId} are there when the token was
 * genuine; {@code admittedAt} and {@code admittedBy} (the door's terminal name) when the ticket has been admitted, by
 * this scan or an earlier one.
 */
public record AdmissionResult(
        String scanId,
        AdmissionVerdict result,
        Long ticketId,
        String seatId,
        Long showtimeId,
        Instant admittedAt,
        String admittedBy) {}
