package org.marquee.server.catalog;

import org.marquee.server.common.MarqueeException;

/** A position on Earth in degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw MarqueeException.invalid(
                    "A position needs a latitude from -90 to 90 and a longitude from -180 to 180.");
        }
    }

    /** Reads {@code "LAT,LON"}, such as {@code "40.4203,-3.7058"}. */
    public static GeoPoint parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw MarqueeException.malformed("'near' must be LAT,LON in degrees, such as 40.42,-3.70.");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed("'near' must be LAT,LON in degrees, such as 40.42,-3.70.");
        }
    }
}
