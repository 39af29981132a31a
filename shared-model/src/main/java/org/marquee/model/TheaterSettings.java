package org.marquee.model;

/** A theater as managers see it (DESIGN §7.1): what the catalog shows plus its settings. */
public record TheaterSettings(
        long id,
        String name,
        String address,
        double lat,
        double lon,
        String timeZone,
        int cleaningMinutes,
        SingleSeatRule singleSeatRule,
        int accessibleReleaseMinutes) {}
