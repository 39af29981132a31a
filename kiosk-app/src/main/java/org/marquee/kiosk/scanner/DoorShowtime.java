package org.marquee.kiosk.scanner;

import java.time.Instant;

/** A showtime a door may admit: what the usher reads, and how many seats were sold for it. */
public record DoorShowtime(long id, String movieTitle, String auditoriumName, Instant startsAt, int sold) {}
