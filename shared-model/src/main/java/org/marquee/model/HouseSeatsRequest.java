package org.marquee.model;

import java.util.List;

/**
 * Body of {@code PUT /admin/showtimes/{id}/house-seats}: the seats kept for the counter and managers (the whole set;
 * empty releases them all) and how many minutes before the start kiosks may have them too.
 */
public record HouseSeatsRequest(List<String> seatIds, Integer releaseMinutes) {}
