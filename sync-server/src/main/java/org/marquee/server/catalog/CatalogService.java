package org.marquee.server.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.marquee.model.CatalogChanges;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TheaterInfo;
import org.marquee.server.catalog.persistence.CatalogStore;
import org.marquee.server.common.MarqueeException;

/** Browsing: theaters near a point, a theater's showtimes on a date, the catalog change feed. */
public final class CatalogService {

    /** How long facts about a showtime (auditorium, layout, status) are reused before being read again. */
    static final Duration FACTS_TTL = Duration.ofSeconds(5);

    private final CatalogStore store;
    private final LoadingCache<Long, Optional<ShowtimeFacts>> facts;

    public CatalogService(CatalogStore store) {
        this.store = store;
        this.facts = Caffeine.newBuilder()
                .expireAfterWrite(FACTS_TTL)
                .maximumSize(20_000)
                .build(store::showtimeFacts);
    }

    /** Theaters within {@code radiusKm} of the point, nearest first; all theaters by id when no point is given. */
    public List<NearbyTheater> theaters(GeoPoint near, double radiusKm) {
        List<TheaterInfo> all = store.theaters();
        if (near == null) {
            return all.stream().map(t -> nearby(t, null)).toList();
        }
        return all.stream()
                .map(t -> nearby(t, Geo.distanceKm(near.lat(), near.lon(), t.lat(), t.lon())))
                .filter(t -> t.distanceKm() <= radiusKm)
                .sorted(Comparator.comparingDouble(NearbyTheater::distanceKm))
                .toList();
    }

    /** A theater's showtimes on a calendar date of the theater's own time zone. */
    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        TheaterInfo theater = store.theater(theaterId)
                .orElseThrow(() -> MarqueeException.notFound("There is no theater " + theaterId + "."));
        var zone = java.time.ZoneId.of(theater.timeZone());
        return store
                .showtimes(
                        theaterId,
                        date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(row -> new ShowtimeListing(
                        row.id(),
                        new ShowtimeListing.MovieRef(row.movieId(), row.title(), row.runtimeMinutes(), row.rating()),
                        new ShowtimeListing.AuditoriumRef(row.auditoriumId(), row.auditoriumName()),
                        row.startsAt(),
                        row.format(),
                        row.status(),
                        Math.max(0, row.seatsTotal() - row.seatsTaken()),
                        row.seatsTotal()))
                .toList();
    }

    /** Today's date where the theater is, for a request that names no date. */
    public LocalDate today(long theaterId) {
        TheaterInfo theater = store.theater(theaterId)
                .orElseThrow(() -> MarqueeException.notFound("There is no theater " + theaterId + "."));
        return LocalDate.now(java.time.ZoneId.of(theater.timeZone()));
    }

    public CatalogChanges changesSince(long cursor) {
        if (cursor < 0) {
            throw MarqueeException.malformed("The cursor 'since' must be 0 or a cursor from an earlier answer.");
        }
        return store.changesSince(cursor);
    }

    /** The showtime, or a 404 naming it. */
    public ShowtimeFacts showtime(long showtimeId) {
        return facts.get(showtimeId)
                .orElseThrow(() -> MarqueeException.notFound("There is no showtime " + showtimeId + "."));
    }

    /** The showtime read again from the database, for a seat map that is being rebuilt at a new version. */
    public ShowtimeFacts freshShowtime(long showtimeId) {
        facts.invalidate(showtimeId);
        return showtime(showtimeId);
    }

    /** Forgets what is cached about the showtime: an admin change to it has committed. */
    public void forget(long showtimeId) {
        facts.invalidate(showtimeId);
    }

    /** The names a ticket shows for a showtime, or a 404. */
    public ShowtimeDetails details(long showtimeId) {
        return store.showtimeDetails(showtimeId)
                .orElseThrow(() -> MarqueeException.notFound("There is no showtime " + showtimeId + "."));
    }

    private static NearbyTheater nearby(TheaterInfo t, Double distanceKm) {
        Double rounded = distanceKm == null ? null : Math.round(distanceKm * 100) / 100.0;
        return new NearbyTheater(t.id(), t.name(), t.address(), t.lat(), t.lon(), t.timeZone(), rounded);
    }
}
