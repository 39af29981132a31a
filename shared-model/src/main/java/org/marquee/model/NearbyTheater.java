package org.marquee.model;

/** A theater in the answer of {@code GET /theaters}; {@code distanceKm} is null when no position was given. */
public record NearbyTheater(
        long id, String name, String address, double lat, double lon, String timeZone, Double distanceKm) {}
