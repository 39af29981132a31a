package org.marquee.kiosk.showtimes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.marquee.kiosk.cache.CachedShowtime;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TheaterInfo;

/**
 * Theaters and showtimes from the terminal's catalog cache, for browsing while the server cannot be reached. Distances
 * are worked out here as the server does (great circle); free seats are unknown offline.
 */
public final class CachedShowtimeSource implements ShowtimeSource {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final CatalogCache cache;

    public CachedShowtimeSource(CatalogCache cache) {
        this.cache = cache;
    }

    @Override
    public List<NearbyTheater> theatersNear(Long homeTheaterId) {
        List<TheaterInfo> all = cache.theaters();
        Optional<TheaterInfo> home = all.stream()
                .filter(t -> homeTheaterId != null && t.id() == homeTheaterId)
                .findFirst();
        if (home.isEmpty()) {
            return all.stream()
                    .map(t -> nearby(t, null))
                    .sorted(Comparator.comparing(NearbyTheater::name))
                    .toList();
        }
        TheaterInfo origin = home.get();
        return all.stream()
                .map(t -> nearby(t, t.id() == origin.id() ? 0.0 : distanceKm(origin, t)))
                .sorted(Comparator.comparing((NearbyTheater t) -> t.id() != origin.id())
                        .thenComparing(NearbyTheater::distanceKm))
                .toList();
    }

    @Override
    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        ZoneId zone = cache.theater(theaterId).map(CachedShowtimeSource::zone).orElse(ZoneId.systemDefault());
        return cache.showtimesOn(theaterId, date, zone).stream()
                .map(CachedShowtime::toListing)
                .toList();
    }

    private static NearbyTheater nearby(TheaterInfo t, Double distanceKm) {
        return new NearbyTheater(t.id(), t.name(), t.address(), t.lat(), t.lon(), t.timeZone(), distanceKm);
    }

    private static ZoneId zone(TheaterInfo theater) {
        try {
            return ZoneId.of(theater.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.systemDefault();
        }
    }

    /** Great-circle distance (haversine), rounded to 10 m like the server's answers. */
    static double distanceKm(TheaterInfo a, TheaterInfo b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        double km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        return Math.round(km * 100) / 100.0;
    }
}
