package org.marquee.model;

import java.util.List;

/** Body of {@code POST /holds}: the seats of one showtime to hold, all or none. */
public record CreateHoldRequest(Long showtimeId, List<String> seatIds) {}
