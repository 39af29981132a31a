package org.marquee.model;

import java.time.Instant;

/**
 * Body of {@code POST /admin/showtimes} (movieId, auditoriumId, startsAt, format required; pricePlanId optional) and of
 * {@code PUT /admin/showtimes/{id}} (every field optional: only those given change).
 */
public record ShowtimeRequest(Long movieId, Long auditoriumId, Instant startsAt, String format, Long pricePlanId) {}
