package org.marquee.kiosk.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.CatalogChanges;
import org.marquee.model.MovieInfo;
import org.marquee.model.SeatLayout;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TheaterInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's copy of the catalog in an H2 file under {@code <dataDir>/cache}, so that it starts and browses
 * without the server. Reads are plain blocking calls: call them off the FX thread. {@link CatalogSync} fills it.
 */
public final class CatalogCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);
    private static final String DB_NAME = "catalog";
    static final String CURSOR = "catalog.cursor";
    static final String SYNCED_AT = "catalog.syncedAt";

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;
    private final Path directory;

    private CatalogCache(JdbcConnectionPool pool, Path directory) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.directory = directory;
    }

    /**
     * Opens (creating or migrating) the cache under {@code <dataDir>/cache}. A damaged file is moved aside and the
     * cache starts empty: it is only a copy, the next sync fills it again. A cache another running terminal holds open
     * is refused with a clear message.
     */
    public static CatalogCache open(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("cache");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the catalog cache folder " + directory, e);
        }
        try {
            return openIn(directory);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IllegalStateException(
                        "The catalog cache in " + directory + " is in use by another Marquee terminal on this"
                                + " computer. Close it, or give this one its own --data-dir.",
                        e);
            }
            log.warn("event=cache_damaged dir={} reason={}; starting with an empty cache", directory, e.getMessage());
            moveAside(directory);
            try {
                return openIn(directory);
            } catch (SQLException again) {
                throw new IllegalStateException("Could not open the catalog cache in " + directory, again);
            }
        }
    }

    private static CatalogCache openIn(Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve(DB_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/kiosk")
                    .load()
                    .migrate();
            return new CatalogCache(pool, directory);
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static void moveAside(Path directory) {
        String stamp = Long.toString(System.currentTimeMillis());
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(DB_NAME + "."))
                    .toList()) {
                Files.move(
                        file,
                        file.resolveSibling(file.getFileName() + ".damaged-" + stamp),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the damaged catalog cache in " + directory + " aside", e);
        }
    }

    /** The folder the cache lives in. */
    public Path directory() {
        return directory;
    }

    /** Every theater, by name. */
    public List<TheaterInfo> theaters() {
        return jdbi.withHandle(h -> h.createQuery("select * from theater order by name, id")
                .map((rs, ctx) -> theater(rs))
                .list());
    }

    public Optional<TheaterInfo> theater(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from theater where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> theater(rs))
                .findOne());
    }

    public Optional<MovieInfo> movie(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from movie where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> movie(rs, ""))
                .findOne());
    }

    public Optional<CachedAuditorium> auditorium(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from auditorium where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new CachedAuditorium(
                        rs.getLong("id"),
                        rs.getLong("theater_id"),
                        rs.getString("name"),
                        SeatLayout.parse(lines(rs.getString("layout")))))
                .findOne());
    }

    /**
     * The showtimes of a theater that start on {@code date} in {@code zone} (the theater's own time zone, as the
     * server counts days), by movie title and time, the same order as {@code GET /theaters/{id}/showtimes}.
     */
    public List<CachedShowtime> showtimesOn(long theaterId, LocalDate date, ZoneId zone) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return jdbi.withHandle(h -> h.createQuery(SHOWTIMES + """
                         where a.theater_id = :theater and s.starts_at >= :from and s.starts_at < :to
                         order by m.title, s.starts_at, s.id
                        """)
                .bind("theater", theaterId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> showtime(rs))
                .list());
    }

    /** One showtime with its movie and auditorium, if the cache has all three. */
    public Optional<CachedShowtime> showtime(long id) {
        return jdbi.withHandle(h -> h.createQuery(SHOWTIMES + " where s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> showtime(rs))
                .findOne());
    }

    public CatalogCounts counts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select (select count(*) from theater), (select count(*) from auditorium),
                               (select count(*) from movie), (select count(*) from showtime)
                        """)
                .map((rs, ctx) -> new CatalogCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .one());
    }

    /** The cursor to ask {@code /catalog/changes} with next; empty before the first sync. */
    public Optional<String> cursor() {
        return state(CURSOR);
    }

    /** When the last sync succeeded; empty before the first. */
    public Optional<Instant> lastSynced() {
        return state(SYNCED_AT).map(Instant::parse);
    }

    private Optional<String> state(String name) {
        return jdbi.withHandle(h -> h.createQuery("select state_value from sync_state where state_key = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    /** Applies one answer of {@code /catalog/changes} in one transaction; {@code replaceAll} drops the old copy. */
    SyncResult apply(CatalogChanges changes, boolean replaceAll) {
        return jdbi.inTransaction(h -> new CatalogWriter(h).apply(changes, replaceAll));
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private static final String SHOWTIMES = """
            select s.id, s.auditorium_id, s.starts_at, s.format, s.status,
                   a.theater_id, a.name as auditorium_name, a.seats_total,
                   m.id as movie_id, m.title, m.runtime_minutes, m.rating, m.genres, m.synopsis, m.poster_url
              from showtime s
              join auditorium a on a.id = s.auditorium_id
              join movie m on m.id = s.movie_id
            """;

    private static TheaterInfo theater(ResultSet rs) throws SQLException {
        return new TheaterInfo(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("time_zone"));
    }

    private static MovieInfo movie(ResultSet rs, String idColumnPrefix) throws SQLException {
        return new MovieInfo(
                rs.getLong(idColumnPrefix.isEmpty() ? "id" : idColumnPrefix + "id"),
                rs.getString("title"),
                rs.getInt("runtime_minutes"),
                rs.getString("rating"),
                lines(rs.getString("genres")),
                rs.getString("synopsis"),
                rs.getString("poster_url"));
    }

    private static CachedShowtime showtime(ResultSet rs) throws SQLException {
        return new CachedShowtime(
                rs.getLong("id"),
                rs.getLong("theater_id"),
                movie(rs, "movie_"),
                new ShowtimeListing.AuditoriumRef(rs.getLong("auditorium_id"), rs.getString("auditorium_name")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getString("format"),
                ShowtimeStatus.valueOf(rs.getString("status")),
                rs.getInt("seats_total"));
    }

    static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
