package org.marquee.model;

/** Body of {@code POST /admin/showtimes/{id}/cancel}: why, for the audit log and the buyers' e-mail. */
public record CancelShowtimeRequest(String reason) {}
