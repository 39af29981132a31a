package org.marquee.kiosk.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.CatalogDeletion;
import org.marquee.model.MovieInfo;
import org.marquee.model.SeatLayout;
import org.marquee.model.ShowtimeInfo;
import org.marquee.model.TheaterInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one answer of {@code /catalog/changes} into the cache, inside the caller's transaction. */
final class CatalogWriter {

    private static final Logger log = LoggerFactory.getLogger(CatalogWriter.class);

    /** Showtimes this long past are dropped: nobody sells them, and the full copy stops at 24 hours ago too. */
    static final Duration KEEP_PAST_SHOWTIMES = Duration.ofDays(2);

    private final Handle handle;

    CatalogWriter(Handle handle) {
        this.handle = handle;
    }

    SyncResult apply(CatalogChanges changes, boolean replaceAll) {
        if (replaceAll) {
            for (String sql : List.of(
                    "delete from showtime", "delete from movie", "delete from auditorium", "delete from theater")) {
                handle.execute(sql);
            }
        }
        merge(
                "merge into theater (id, name, address, lat, lon, time_zone) key (id)"
                        + " values (:id, :name, :address, :lat, :lon, :timeZone)",
                changes.theaters(),
                (batch, t) -> batch.bind("id", t.id())
                        .bind("name", t.name())
                        .bind("address", t.address())
                        .bind("lat", t.lat())
                        .bind("lon", t.lon())
                        .bind("timeZone", t.timeZone()));
        merge(
                "merge into auditorium (id, theater_id, name, layout, seats_total) key (id)"
                        + " values (:id, :theaterId, :name, :layout, :seatsTotal)",
                changes.auditoriums(),
                (batch, a) -> batch.bind("id", a.id())
                        .bind("theaterId", a.theaterId())
                        .bind("name", a.name())
                        .bind("layout", String.join("\n", a.layout()))
                        .bind("seatsTotal", SeatLayout.parse(a.layout()).sellableSeats()));
        merge(
                "merge into movie (id, title, runtime_minutes, rating, genres, synopsis, poster_url) key (id)"
                        + " values (:id, :title, :runtime, :rating, :genres, :synopsis, :poster)",
                changes.movies(),
                (batch, m) -> batch.bind("id", m.id())
                        .bind("title", m.title())
                        .bind("runtime", m.runtimeMinutes())
                        .bind("rating", m.rating())
                        .bind("genres", String.join("\n", m.genres()))
                        .bind("synopsis", m.synopsis())
                        .bind("poster", m.posterUrl()));
        merge(
                "merge into showtime (id, movie_id, auditorium_id, starts_at, format, status) key (id)"
                        + " values (:id, :movieId, :auditoriumId, :startsAt, :format, :status)",
                changes.showtimes(),
                (batch, s) -> batch.bind("id", s.id())
                        .bind("movieId", s.movieId())
                        .bind("auditoriumId", s.auditoriumId())
                        .bind("startsAt", CatalogCache.utc(s.startsAt()))
                        .bind("format", s.format())
                        .bind("status", s.status().name()));
        int deleted = 0;
        for (CatalogDeletion deletion : changes.deleted()) {
            deleted += delete(deletion);
        }
        handle.createUpdate("delete from showtime where starts_at < :before")
                .bind("before", CatalogCache.utc(Instant.now().minus(KEEP_PAST_SHOWTIMES)))
                .execute();
        putState(CatalogCache.CURSOR, changes.cursor());
        putState(CatalogCache.SYNCED_AT, Instant.now().toString());
        return new SyncResult(
                replaceAll,
                changes.theaters().size(),
                changes.auditoriums().size(),
                changes.movies().size(),
                changes.showtimes().size(),
                deleted,
                changes.cursor());
    }

    /**
     * Checks an answer before anything is written, so that a server sending something this terminal cannot use
     * leaves the cache as it was. Throws {@link IllegalArgumentException} saying what is wrong.
     */
    static void validate(CatalogChanges changes) {
        if (changes.cursor() == null || changes.cursor().isBlank()) {
            throw new IllegalArgumentException("the answer has no cursor");
        }
        for (TheaterInfo t : changes.theaters()) {
            require(t.name() != null && t.address() != null && t.timeZone() != null, "theater " + t.id());
            try {
                java.time.ZoneId.of(t.timeZone());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("theater " + t.id() + " has an unknown time zone", e);
            }
        }
        for (AuditoriumInfo a : changes.auditoriums()) {
            require(a.name() != null, "auditorium " + a.id());
            try {
                SeatLayout.parse(a.layout());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("auditorium " + a.id() + ": " + e.getMessage(), e);
            }
        }
        for (MovieInfo m : changes.movies()) {
            require(m.title() != null, "movie " + m.id());
        }
        for (ShowtimeInfo s : changes.showtimes()) {
            require(s.startsAt() != null && s.status() != null, "showtime " + s.id());
        }
        for (CatalogDeletion d : changes.deleted()) {
            require(d.type() != null, "a deletion");
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what + " is missing a required field");
        }
    }

    private <T> void merge(String sql, List<T> rows, BiConsumer<PreparedBatch, T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (T row : rows) {
            binder.accept(batch, row);
            batch.add();
        }
        batch.execute();
    }

    private int delete(CatalogDeletion deletion) {
        String sql = switch (deletion.type().toUpperCase(Locale.ROOT)) {
            case "THEATER" -> "delete from theater where id = :id";
            case "AUDITORIUM" -> "delete from auditorium where id = :id";
            case "MOVIE" -> "delete from movie where id = :id";
            case "SHOWTIME" -> "delete from showtime where id = :id";
            default -> null;
        };
        if (sql == null) {
            log.warn("event=catalog_unknown_deletion type={} id={}", deletion.type(), deletion.id());
            return 0;
        }
        return handle.createUpdate(sql).bind("id", deletion.id()).execute();
    }

    private void putState(String name, String value) {
        handle.createUpdate("merge into sync_state (state_key, state_value) key (state_key) values (:name, :value)")
                .bind("name", name)
                .bind("value", value)
                .execute();
    }
}
