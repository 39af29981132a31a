package org.marquee.server.catalog.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.CatalogDeletion;
import org.marquee.model.MovieInfo;
import org.marquee.model.SeatLayout;
import org.marquee.model.ShowtimeInfo;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TheaterInfo;
import org.marquee.server.catalog.ShowtimeDetails;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.catalog.ShowtimeRow;
import org.marquee.server.db.Transactions;

/** Reads of theaters, auditoriums, movies and showtimes. */
public final class CatalogStore {

    private static final String THEATER_COLUMNS = "id, name, address, lat, lon, time_zone";

    private final Jdbi jdbi;

    public CatalogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<TheaterInfo> theaters() {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + THEATER_COLUMNS + " from theaters order by id")
                        .map((rs, ctx) -> theater(rs))
                        .list());
    }

    public Optional<TheaterInfo> theater(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + THEATER_COLUMNS + " from theaters where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> theater(rs))
                        .findOne());
    }

    /** Showtimes of a theater starting in [from, to), with the seats now held (unexpired) or sold. */
    public List<ShowtimeRow> showtimes(long theaterId, Instant from, Instant to) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select s.id, s.movie_id, m.title, m.runtime_minutes, m.rating, a.id as auditorium_id,
                               a.name as auditorium_name, s.starts_at, s.format, s.status, s.seat_count,
                               (select count(*) from seat_claims c
                                 where c.showtime_id = s.id
                                   and (c.state = 'SOLD' or (c.state = 'HELD' and c.expires_at > now()))) as taken
                          from showtimes s
                          join auditoriums a on a.id = s.auditorium_id
                          join movies m on m.id = s.movie_id
                         where a.theater_id = :theater and s.starts_at >= :from and s.starts_at < :to
                         order by m.title, s.starts_at, a.name""")
                        .bind("theater", theaterId)
                        .bind("from", from)
                        .bind("to", to)
                        .map((rs, ctx) -> new ShowtimeRow(
                                rs.getLong("id"),
                                rs.getLong("movie_id"),
                                rs.getString("title"),
                                rs.getInt("runtime_minutes"),
                                rs.getString("rating"),
                                rs.getLong("auditorium_id"),
                                rs.getString("auditorium_name"),
                                rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                        .toInstant(),
                                rs.getString("format"),
                                ShowtimeStatus.valueOf(rs.getString("status")),
                                rs.getInt("seat_count"),
                                rs.getInt("taken")))
                        .list());
    }

    public Optional<ShowtimeDetails> showtimeDetails(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select s.id, t.name as theater, t.address, t.time_zone, a.name as auditorium, m.title,
                               m.rating, m.runtime_minutes, s.starts_at, s.format
                          from showtimes s
                          join auditoriums a on a.id = s.auditorium_id
                          join theaters t on t.id = a.theater_id
                          join movies m on m.id = s.movie_id
                         where s.id = :id""")
                        .bind("id", showtimeId)
                        .map((rs, ctx) -> new ShowtimeDetails(
                                rs.getLong("id"),
                                rs.getString("theater"),
                                rs.getString("address"),
                                ZoneId.of(rs.getString("time_zone")),
                                rs.getString("auditorium"),
                                rs.getString("title"),
                                rs.getString("rating"),
                                rs.getInt("runtime_minutes"),
                                rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                        .toInstant(),
                                rs.getString("format")))
                        .findOne());
    }

    public Optional<ShowtimeFacts> showtimeFacts(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select s.id, s.auditorium_id, a.theater_id, t.time_zone, s.starts_at, s.status, s.layout
                          from showtimes s
                          join auditoriums a on a.id = s.auditorium_id
                          join theaters t on t.id = a.theater_id
                         where s.id = :id""")
                        .bind("id", showtimeId)
                        .map((rs, ctx) -> new ShowtimeFacts(
                                rs.getLong("id"),
                                rs.getLong("auditorium_id"),
                                rs.getLong("theater_id"),
                                ZoneId.of(rs.getString("time_zone")),
                                rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                        .toInstant(),
                                ShowtimeStatus.valueOf(rs.getString("status")),
                                SeatLayout.parse(strings(rs.getArray("layout")))))
                        .findOne());
    }

    /**
     * Everything written by transactions at or after {@code since} (a transaction id), read in one snapshot. The
     * cursor handed back is the oldest transaction still running when the snapshot was taken, so a slow writer's rows
     * come in a later answer instead of being skipped; some rows may therefore come twice. At 0, a full copy of the
     * catalog from yesterday on.
     */
    public CatalogChanges changesSince(long since) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long cursor = handle.createQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .mapTo(Long.class)
                    .one();
            boolean full = since == 0;
            String changed = " where change_xid >= cast(cast(:since as text) as xid8)";
            List<TheaterInfo> theaters = handle.createQuery(
                            "select " + THEATER_COLUMNS + " from theaters" + changed + " order by id")
                    .bind("since", since)
                    .map((rs, ctx) -> theater(rs))
                    .list();
            List<AuditoriumInfo> auditoriums = handle.createQuery(
                            "select id, theater_id, name, layout, seat_count from auditoriums" + changed
                                    + " order by id")
                    .bind("since", since)
                    .map((rs, ctx) -> new AuditoriumInfo(
                            rs.getLong("id"),
                            rs.getLong("theater_id"),
                            rs.getString("name"),
                            strings(rs.getArray("layout")),
                            rs.getInt("seat_count")))
                    .list();
            List<MovieInfo> movies = handle.createQuery("""
                            select id, title, runtime_minutes, rating, genres, synopsis, poster_url
                              from movies""" + changed + " order by id")
                    .bind("since", since)
                    .map((rs, ctx) -> new MovieInfo(
                            rs.getLong("id"),
                            rs.getString("title"),
                            rs.getInt("runtime_minutes"),
                            rs.getString("rating"),
                            strings(rs.getArray("genres")),
                            rs.getString("synopsis"),
                            rs.getString("poster_url")))
                    .list();
            List<ShowtimeInfo> showtimes = handle.createQuery(
                            "select id, movie_id, auditorium_id, starts_at, format, status from showtimes" + changed
                                    + (full ? " and starts_at >= now() - interval '1 day'" : "") + " order by id")
                    .bind("since", since)
                    .map((rs, ctx) -> new ShowtimeInfo(
                            rs.getLong("id"),
                            rs.getLong("movie_id"),
                            rs.getLong("auditorium_id"),
                            rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getString("format"),
                            ShowtimeStatus.valueOf(rs.getString("status"))))
                    .list();
            List<CatalogDeletion> deleted = full ? List.of() : deletions(handle, since);
            return new CatalogChanges(Long.toString(cursor), theaters, auditoriums, movies, showtimes, deleted);
        });
    }

    private static List<CatalogDeletion> deletions(Handle handle, long since) {
        return handle.createQuery("""
                        select entity_type, entity_id from catalog_deletions
                         where change_xid >= cast(cast(:since as text) as xid8)
                         order by change_xid""")
                .bind("since", since)
                .map((rs, ctx) -> new CatalogDeletion(rs.getString("entity_type"), rs.getLong("entity_id")))
                .list();
    }

    private static TheaterInfo theater(ResultSet rs) throws SQLException {
        return new TheaterInfo(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("time_zone"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
