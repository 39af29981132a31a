package org.marquee.server.cinema.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.AuditoriumInfo;
import org.marquee.server.db.Transactions;

/**
 * Auditoriums and their layouts (DESIGN §7.1). A layout change is copied onto the auditorium's showtimes that have not
 * started; the seats it drops become GONE claims of those showtimes, so that no hold can take them any more (V5).
 */
public final class AuditoriumStore {

    /** The claim that stands for a showtime's layout: its version moves when the layout does (seat maps' ETag). */
    public static final String LAYOUT_MARKER = "~layout";

    private static final String COLUMNS = "id, theater_id, name, layout, seat_count";

    private final Jdbi jdbi;

    public AuditoriumStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A showtime not yet started, with the layout it has now. */
    public record FutureShowtime(long id, List<String> layout) {}

    public List<AuditoriumInfo> list(Long theaterId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + COLUMNS + " " + """
                         from auditoriums where cast(:theater as bigint) is null or theater_id = :theater
                         order by theater_id, id""")
                        .bind("theater", theaterId)
                        .map((rs, ctx) -> auditorium(rs))
                        .list());
    }

    public Optional<AuditoriumInfo> find(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + COLUMNS + " from auditoriums where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> auditorium(rs))
                        .findOne());
    }

    /** The auditorium locked for the rest of the unit of work: layout changes and scheduling into it wait. */
    public Optional<AuditoriumInfo> lock(long id) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("select " + COLUMNS + " from auditoriums where id = :id for update")
                        .bind("id", id)
                        .map((rs, ctx) -> auditorium(rs))
                        .findOne());
    }

    public boolean nameTaken(long theaterId, String name, Long exceptId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select exists (select 1 from auditoriums
                                        where theater_id = :theater and lower(name) = lower(:name)
                                          and id is distinct from :except)""")
                        .bind("theater", theaterId)
                        .bind("name", name)
                        .bind("except", exceptId)
                        .mapTo(Boolean.class)
                        .one());
    }

    public AuditoriumInfo insert(long theaterId, String name, List<String> layout, int seatCount) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        insert into auditoriums (theater_id, name, layout, seat_count)
                        values (:theater, :name, :layout, :seats)
                        returning """ + " " + COLUMNS)
                        .bind("theater", theaterId)
                        .bind("name", name)
                        .bind("layout", layout.toArray(String[]::new))
                        .bind("seats", seatCount)
                        .map((rs, ctx) -> auditorium(rs))
                        .one());
    }

    public AuditoriumInfo update(long id, String name, List<String> layout, int seatCount) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        update auditoriums set name = :name, layout = :layout, seat_count = :seats where id = :id
                        returning """ + " " + COLUMNS)
                        .bind("id", id)
                        .bind("name", name)
                        .bind("layout", layout.toArray(String[]::new))
                        .bind("seats", seatCount)
                        .map((rs, ctx) -> auditorium(rs))
                        .one());
    }

    /**
     * The auditorium's showtimes on sale that have not started, locked, oldest first. {@code FOR NO KEY UPDATE}, not
     * {@code FOR UPDATE}: a hold being written has already inserted its seats' claims and then checks its row's
     * foreign key to the showtime (a key-share lock on the showtime's row; tickets and orders do the same). {@code FOR
     * UPDATE} made that hold wait for this unit while this unit waited for the hold's claims in {@link #seal}: a
     * deadlock PostgreSQL broke after a second (decision 0037). The claims' row locks are what keeps a dropped seat
     * from being held or sold.
     */
    public List<FutureShowtime> futureShowtimes(long auditoriumId) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        select id, layout from showtimes
                         where auditorium_id = :a and status = 'ON_SALE' and starts_at > now()
                         order by id for no key update""")
                        .bind("a", auditoriumId)
                        .map((rs, ctx) ->
                                new FutureShowtime(rs.getLong("id"), CinemaStore.strings(rs.getArray("layout"))))
                        .list());
    }

    /**
     * Makes {@code seats} (sorted) of the showtime GONE unless they are held (unexpired) or sold; returns those that
     * are. Every row is locked, also those left as they were, so a hold racing this waits for the unit's end and then
     * finds the seat GONE, and a hold that came first is seen here.
     */
    public List<String> seal(long showtimeId, List<String> seats) {
        if (seats.isEmpty()) {
            return List.of();
        }
        List<String> gone = Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        insert into seat_claims as c (showtime_id, seat_id, state, version)
                        select :s, seat, 'GONE', nextval('seat_claim_version') from unnest(cast(:seats as text[])) seat
                        on conflict (showtime_id, seat_id) do update
                           set state = 'GONE', hold_id = null, expires_at = null, version = excluded.version
                         where c.state in ('FREE', 'GONE') or (c.state = 'HELD' and c.expires_at <= now())
                        returning c.seat_id""")
                        .bind("s", showtimeId)
                        .bind("seats", seats.toArray(String[]::new))
                        .mapTo(String.class)
                        .list());
        List<String> live = new ArrayList<>(seats);
        live.removeAll(gone);
        return live;
    }

    /** Seats a new layout gives back to the showtime: GONE claims of them become FREE. */
    public void reopen(long showtimeId, List<String> seats) {
        if (seats.isEmpty()) {
            return;
        }
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate("""
                        update seat_claims set state = 'FREE', version = nextval('seat_claim_version')
                         where showtime_id = :s and seat_id = any(cast(:seats as text[])) and state = 'GONE'""")
                        .bind("s", showtimeId)
                        .bind("seats", seats.toArray(String[]::new))
                        .execute());
    }

    /** Gives the showtime the layout, and its seat map a new version (its ETag) even when no seat changed state. */
    public void relayout(long showtimeId, List<String> layout, int seatCount) {
        Transactions.retrying(jdbi, handle -> {
            handle.createUpdate("update showtimes set layout = :layout, seat_count = :seats where id = :s")
                    .bind("s", showtimeId)
                    .bind("layout", layout.toArray(String[]::new))
                    .bind("seats", seatCount)
                    .execute();
            return handle.createUpdate("""
                            insert into seat_claims as c (showtime_id, seat_id, state, version)
                            values (:s, :marker, 'GONE', nextval('seat_claim_version'))
                            on conflict (showtime_id, seat_id) do update set version = excluded.version""")
                    .bind("s", showtimeId)
                    .bind("marker", LAYOUT_MARKER)
                    .execute();
        });
    }

    private static AuditoriumInfo auditorium(ResultSet rs) throws SQLException {
        return new AuditoriumInfo(
                rs.getLong("id"),
                rs.getLong("theater_id"),
                rs.getString("name"),
                CinemaStore.strings(rs.getArray("layout")),
                rs.getInt("seat_count"));
    }
}
