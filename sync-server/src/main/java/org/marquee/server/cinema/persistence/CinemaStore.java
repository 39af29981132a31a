package org.marquee.server.cinema.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterSettings;
import org.marquee.model.TicketType;
import org.marquee.server.db.Transactions;

/**
 * Theaters, movies and price plans as managers write them (DESIGN §7.1). Every write joins the caller's unit of work,
 * so that it commits with its audit entry; the {@code change_xid} triggers put it in the terminals' catalog feed.
 */
public final class CinemaStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEATER_COLUMNS =
            "id, name, address, lat, lon, time_zone, cleaning_minutes, single_seat_rule, accessible_release_minutes";
    private static final String MOVIE_COLUMNS = "id, title, runtime_minutes, rating, genres, synopsis, poster_url";
    private static final String PLAN_COLUMNS =
            "id, name, currency, ticket_prices::text as tickets, seat_surcharges::text as surcharges";

    private final Jdbi jdbi;

    public CinemaStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // --- theaters ---------------------------------------------------------------------------------------------

    public List<TheaterSettings> theaters() {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + THEATER_COLUMNS + " from theaters order by id")
                        .map((rs, ctx) -> theater(rs))
                        .list());
    }

    public Optional<TheaterSettings> theater(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + THEATER_COLUMNS + " from theaters where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> theater(rs))
                        .findOne());
    }

    /** True when another theater (not {@code exceptId}) has this name, whatever its case. */
    public boolean theaterNameTaken(String name, Long exceptId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select exists (select 1 from theaters
                                        where lower(name) = lower(:name) and id is distinct from :except)""")
                        .bind("name", name)
                        .bind("except", exceptId)
                        .mapTo(Boolean.class)
                        .one());
    }

    /** Inserts ({@code id} null) or updates the theater; the row as written. */
    public TheaterSettings saveTheater(TheaterSettings t, boolean insert) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery(insert ? """
                        insert into theaters (name, address, lat, lon, time_zone, cleaning_minutes, single_seat_rule,
                                              accessible_release_minutes)
                        values (:name, :address, :lat, :lon, :zone, :cleaning, :rule, :release)
                        returning """ + " " + THEATER_COLUMNS : """
                        update theaters set name = :name, address = :address, lat = :lat, lon = :lon, time_zone = :zone,
                               cleaning_minutes = :cleaning, single_seat_rule = :rule,
                               accessible_release_minutes = :release
                         where id = :id
                        returning """ + " " + THEATER_COLUMNS)
                        .bind("id", t.id())
                        .bind("name", t.name())
                        .bind("address", t.address())
                        .bind("lat", t.lat())
                        .bind("lon", t.lon())
                        .bind("zone", t.timeZone())
                        .bind("cleaning", t.cleaningMinutes())
                        .bind("rule", t.singleSeatRule().name())
                        .bind("release", t.accessibleReleaseMinutes())
                        .map((rs, ctx) -> theater(rs))
                        .one());
    }

    private static TheaterSettings theater(ResultSet rs) throws SQLException {
        return new TheaterSettings(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("time_zone"),
                rs.getInt("cleaning_minutes"),
                SingleSeatRule.valueOf(rs.getString("single_seat_rule")),
                rs.getInt("accessible_release_minutes"));
    }

    // --- movies -----------------------------------------------------------------------------------------------

    public List<MovieInfo> movies() {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + MOVIE_COLUMNS + " from movies order by id")
                        .map((rs, ctx) -> movie(rs))
                        .list());
    }

    public Optional<MovieInfo> movie(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + MOVIE_COLUMNS + " from movies where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> movie(rs))
                        .findOne());
    }

    public MovieInfo saveMovie(MovieInfo m, boolean insert) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery(insert ? """
                        insert into movies (title, runtime_minutes, rating, genres, synopsis, poster_url)
                        values (:title, :runtime, :rating, :genres, :synopsis, :poster)
                        returning """ + " " + MOVIE_COLUMNS : """
                        update movies set title = :title, runtime_minutes = :runtime, rating = :rating, genres = :genres,
                               synopsis = :synopsis, poster_url = :poster
                         where id = :id
                        returning """ + " " + MOVIE_COLUMNS)
                        .bind("id", m.id())
                        .bind("title", m.title())
                        .bind("runtime", m.runtimeMinutes())
                        .bind("rating", m.rating())
                        .bind("genres", m.genres().toArray(String[]::new))
                        .bind("synopsis", m.synopsis())
                        .bind("poster", m.posterUrl())
                        .map((rs, ctx) -> movie(rs))
                        .one());
    }

    private static MovieInfo movie(ResultSet rs) throws SQLException {
        return new MovieInfo(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getInt("runtime_minutes"),
                rs.getString("rating"),
                strings(rs.getArray("genres")),
                rs.getString("synopsis"),
                rs.getString("poster_url"));
    }

    // --- price plans ------------------------------------------------------------------------------------------

    public List<PricePlan> pricePlans() {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + PLAN_COLUMNS + " from price_plans order by id")
                        .map((rs, ctx) -> plan(rs))
                        .list());
    }

    public Optional<PricePlan> pricePlan(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + PLAN_COLUMNS + " from price_plans where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> plan(rs))
                        .findOne());
    }

    public boolean planNameTaken(String name, Long exceptId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select exists (select 1 from price_plans
                                        where lower(name) = lower(:name) and id is distinct from :except)""")
                        .bind("name", name)
                        .bind("except", exceptId)
                        .mapTo(Boolean.class)
                        .one());
    }

    public PricePlan savePlan(PricePlan p, boolean insert) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery(insert ? """
                        insert into price_plans (name, currency, ticket_prices, seat_surcharges)
                        values (:name, :currency, cast(:tickets as jsonb), cast(:surcharges as jsonb))
                        returning """ + " " + PLAN_COLUMNS : """
                        update price_plans set name = :name, currency = :currency,
                               ticket_prices = cast(:tickets as jsonb), seat_surcharges = cast(:surcharges as jsonb)
                         where id = :id
                        returning """ + " " + PLAN_COLUMNS)
                        .bind("id", p.id())
                        .bind("name", p.name())
                        .bind("currency", p.currency())
                        .bind("tickets", write(p.ticketPrices()))
                        .bind("surcharges", write(p.seatSurcharges()))
                        .map((rs, ctx) -> plan(rs))
                        .one());
    }

    private static PricePlan plan(ResultSet rs) throws SQLException {
        try {
            Map<TicketType, Long> tickets = new EnumMap<>(TicketType.class);
            tickets.putAll(JSON.readValue(rs.getString("tickets"), new TypeReference<Map<TicketType, Long>>() {}));
            Map<SeatType, Long> surcharges = new EnumMap<>(SeatType.class);
            surcharges.putAll(JSON.readValue(rs.getString("surcharges"), new TypeReference<Map<SeatType, Long>>() {}));
            return new PricePlan(rs.getLong("id"), rs.getString("name"), rs.getString("currency"), tickets, surcharges);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A price plan in the database is not valid JSON", e);
        }
    }

    private static String write(Map<?, Long> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the row exists; for the ids a body names. */
    public boolean exists(String table, long id) {
        if (!List.of("theaters", "auditoriums", "movies", "price_plans").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return Transactions.reading(
                jdbi,
                (Handle handle) -> handle.createQuery("select exists (select 1 from " + table + " where id = :id)")
                        .bind("id", id)
                        .mapTo(Boolean.class)
                        .one());
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
