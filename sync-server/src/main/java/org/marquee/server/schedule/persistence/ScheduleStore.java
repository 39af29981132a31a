package org.marquee.server.schedule.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.AdminShowtime;
import org.marquee.model.ShowtimeStatus;
import org.marquee.server.db.Transactions;

/**
 * Showtimes as managers schedule them (DESIGN §7.1). Scheduling into an auditorium happens with its row locked (see
 * {@code AuditoriumStore.lock}), so that two managers never both find a slot free (docs/decisions/0017).
 */
public final class ScheduleStore {

    private static final String SELECT = """
            select s.id, a.theater_id, m.id as movie_id, m.title, m.runtime_minutes, a.id as auditorium_id,
                   a.name as auditorium_name, p.id as plan_id, p.name as plan_name, s.starts_at,
                   s.starts_at + make_interval(mins => m.runtime_minutes + t.cleaning_minutes) as ends_at,
                   s.format, s.status, s.seat_count,
                   (select count(*) from seat_claims c where c.showtime_id = s.id and c.state = 'SOLD') as sold,
                   (select count(*) from seat_claims c
                     where c.showtime_id = s.id and c.state = 'HELD' and c.expires_at > now()) as held
              from showtimes s
              join auditoriums a on a.id = s.auditorium_id
              join theaters t on t.id = a.theater_id
              join movies m on m.id = s.movie_id
              join price_plans p on p.id = s.price_plan_id
            """;

    private final Jdbi jdbi;

    public ScheduleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A showtime as the schedule sees it before a change: locked for the rest of the unit of work. */
    public record Locked(
            long id,
            long movieId,
            long auditoriumId,
            Instant startsAt,
            String format,
            long pricePlanId,
            ShowtimeStatus status,
            List<String> layout) {}

    /** A paid order of a showtime, for its refund and its buyer's e-mail. */
    public record PaidOrder(UUID id, String code, String email) {}

    /** Showtimes starting on the dates {@code from}..{@code to} (inclusive) of each theater's own time zone. */
    public List<AdminShowtime> list(Long theaterId, LocalDate from, LocalDate to) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery(SELECT + """
                         where (cast(:theater as bigint) is null or a.theater_id = :theater)
                           and s.starts_at >= (cast(:from as date))::timestamp at time zone t.time_zone
                           and s.starts_at < (cast(:to as date) + 1)::timestamp at time zone t.time_zone
                         order by s.starts_at, a.name, s.id""")
                        .bind("theater", theaterId)
                        .bind("from", from)
                        .bind("to", to)
                        .map((rs, ctx) -> showtime(rs))
                        .list());
    }

    public Optional<AdminShowtime> find(long id) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery(SELECT + " where s.id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> showtime(rs))
                        .findOne());
    }

    public List<AdminShowtime> find(List<Long> ids) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery(
                                SELECT + " where s.id = any(cast(:ids as bigint[])) order by s.starts_at, s.id")
                        .bind("ids", ids.toArray(Long[]::new))
                        .map((rs, ctx) -> showtime(rs))
                        .list());
    }

    /**
     * The showtime locked {@code FOR UPDATE}: a hold being written for it (its row references the showtime) is waited
     * for, and a new one waits until this unit of work ends.
     */
    public Optional<Locked> lock(long id) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        select id, movie_id, auditorium_id, starts_at, format, price_plan_id, status, layout
                          from showtimes where id = :id for update""")
                        .bind("id", id)
                        .map((rs, ctx) -> new Locked(
                                rs.getLong("id"),
                                rs.getLong("movie_id"),
                                rs.getLong("auditorium_id"),
                                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                rs.getString("format"),
                                rs.getLong("price_plan_id"),
                                ShowtimeStatus.valueOf(rs.getString("status")),
                                Arrays.asList((String[]) rs.getArray("layout").getArray())))
                        .findOne());
    }

    /** The auditorium a showtime is in, or empty for an unknown showtime. */
    public Optional<Long> auditoriumOf(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select auditorium_id from showtimes where id = :id")
                        .bind("id", showtimeId)
                        .mapTo(Long.class)
                        .findOne());
    }

    /**
     * The showtimes on sale in the auditorium (other than {@code exceptId}) whose interval overlaps a showtime of
     * {@code minutes} (runtime plus cleaning) starting at any of {@code starts}.
     */
    public List<Long> clashes(long auditoriumId, List<Instant> starts, int minutes, Long exceptId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select distinct s.id
                          from showtimes s
                          join movies m on m.id = s.movie_id
                          join auditoriums a on a.id = s.auditorium_id
                          join theaters t on t.id = a.theater_id
                          join unnest(cast(cast(:starts as text[]) as timestamptz[])) as n (start)
                            on s.starts_at < n.start + make_interval(mins => :minutes)
                           and s.starts_at + make_interval(mins => m.runtime_minutes + t.cleaning_minutes) > n.start
                         where s.auditorium_id = :a and s.status = 'ON_SALE' and s.id is distinct from :except
                         order by s.id""")
                        .bind("a", auditoriumId)
                        .bind("starts", starts.stream().map(Instant::toString).toArray(String[]::new))
                        .bind("minutes", minutes)
                        .bind("except", exceptId)
                        .mapTo(Long.class)
                        .list());
    }

    /** Inserts one showtime per start; their ids in the order of {@code starts}. */
    public List<Long> insert(long movieId, long auditoriumId, List<Instant> starts, String format, long planId) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format, price_plan_id)
                        select :movie, :auditorium, n.start, :format, :plan
                          from unnest(cast(cast(:starts as text[]) as timestamptz[])) with ordinality as n (start, i)
                         order by n.i
                        returning id""")
                        .bind("movie", movieId)
                        .bind("auditorium", auditoriumId)
                        .bind("starts", starts.stream().map(Instant::toString).toArray(String[]::new))
                        .bind("format", format)
                        .bind("plan", planId)
                        .mapTo(Long.class)
                        .list());
    }

    public void update(Locked after) {
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate("""
                        update showtimes set movie_id = :movie, auditorium_id = :auditorium, starts_at = :start,
                               format = :format, price_plan_id = :plan
                         where id = :id""")
                        .bind("id", after.id())
                        .bind("movie", after.movieId())
                        .bind("auditorium", after.auditoriumId())
                        .bind("start", Timestamp.from(after.startsAt()))
                        .bind("format", after.format())
                        .bind("plan", after.pricePlanId())
                        .execute());
    }

    /** Seats of the showtime sold, or held by an unexpired hold, now. */
    public int taken(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select count(*) from seat_claims
                         where showtime_id = :s and (state = 'SOLD' or (state = 'HELD' and expires_at > now()))""")
                        .bind("s", showtimeId)
                        .mapTo(Integer.class)
                        .one());
    }

    /** After a move to another auditorium (with nothing sold or held): every claim free again, at a new version. */
    public void freeAll(long showtimeId) {
        Transactions.retrying(
                jdbi, handle -> handle.createUpdate("""
                        update seat_claims set state = 'FREE', hold_id = null, expires_at = null,
                               version = nextval('seat_claim_version')
                         where showtime_id = :s and state <> 'SOLD'""").bind("s", showtimeId).execute());
    }

    // --- cancellation -----------------------------------------------------------------------------------------

    public void markCancelled(long showtimeId, String reason) {
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate(
                                "update showtimes set status = 'CANCELLED', cancel_reason = :reason where id = :s")
                        .bind("s", showtimeId)
                        .bind("reason", reason)
                        .execute());
    }

    /** Ends the showtime's live holds (RELEASED); how many. */
    public int endHolds(long showtimeId) {
        return Transactions.retrying(
                jdbi, handle -> handle.createUpdate("""
                        update holds set status = 'RELEASED', ended_at = now()
                         where showtime_id = :s and status = 'ACTIVE' and expires_at > now()""").bind("s", showtimeId).execute());
    }

    /** Every seat of {@code seats} (sorted) that is not sold becomes GONE: no hold can take it any more. */
    public void sealAll(long showtimeId, List<String> seats) {
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate("""
                        insert into seat_claims as c (showtime_id, seat_id, state, version)
                        select :s, seat, 'GONE', nextval('seat_claim_version') from unnest(cast(:seats as text[])) seat
                        on conflict (showtime_id, seat_id) do update
                           set state = 'GONE', hold_id = null, expires_at = null, version = excluded.version
                         where c.state <> 'SOLD'""")
                        .bind("s", showtimeId)
                        .bind("seats", seats.toArray(String[]::new))
                        .execute());
    }

    public List<PaidOrder> paidOrders(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select id, code, email from orders where showtime_id = :s and status = 'PAID'
                         order by created_at, id""")
                        .bind("s", showtimeId)
                        .map((rs, ctx) -> new PaidOrder(
                                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("email")))
                        .list());
    }

    private static AdminShowtime showtime(ResultSet rs) throws SQLException {
        return new AdminShowtime(
                rs.getLong("id"),
                rs.getLong("theater_id"),
                new AdminShowtime.MovieRef(rs.getLong("movie_id"), rs.getString("title"), rs.getInt("runtime_minutes")),
                new AdminShowtime.AuditoriumRef(rs.getLong("auditorium_id"), rs.getString("auditorium_name")),
                new AdminShowtime.PlanRef(rs.getLong("plan_id"), rs.getString("plan_name")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getString("format"),
                ShowtimeStatus.valueOf(rs.getString("status")),
                rs.getInt("seat_count"),
                rs.getInt("sold"),
                rs.getInt("held"));
    }
}
