package org.marquee.model;

/**
 * Body of {@code POST /admin/theaters} and {@code PUT /admin/theaters/{id}} (DESIGN §7.1). Boxed so that a missing
 * field is told apart from zero; the three settings are optional (defaults: 20, KIOSK, 30).
 */
public record TheaterRequest(
        String name,
        String address,
        Double lat,
        Double lon,
        String timeZone,
        Integer cleaningMinutes,
        SingleSeatRule singleSeatRule,
        Integer accessibleReleaseMinutes) {}
