package org.marquee.model;

import java.util.List;

/**
 * Body of {@code POST /admin/auditoriums} and {@code PUT /admin/auditoriums/{id}}: rows in the {@link SeatLayout}
 * notation. The answer is an {@link AuditoriumInfo}.
 */
public record AuditoriumRequest(Long theaterId, String name, List<String> layout) {}
