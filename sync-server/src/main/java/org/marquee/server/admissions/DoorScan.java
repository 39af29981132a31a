package org.marquee.server.admissions;

import java.time.Instant;

/**
 * One scan to record: the door (terminal), the scanner's id for the scan, when the door saw it (never later than the
 * server's clock), the showtime the door admits (or null), and the ticket the token vouches for (null when the token
 * is not genuine).
 */
public record DoorScan(long terminalId, String scanId, Instant scannedAt, Long doorShowtimeId, GenuineTicket ticket) {}
