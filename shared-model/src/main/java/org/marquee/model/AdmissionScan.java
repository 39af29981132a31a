package org.marquee.model;

import java.time.Instant;

/**
 * One scan at a door: the token read, when, an id the scanner made for the scan (a re-send with the same
 * {@code scanId} answers the same), and the showtime the door admits, when it knows.
 */
public record AdmissionScan(String ticketToken, Instant scannedAt, String scanId, Long showtimeId) {}
