package org.marquee.server.holds.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every write to {@code seat_claims}, the table whose key on (showtime, seat) keeps invariant 1: holds take, free and
 * sweep seats, orders mark them SOLD or FREE. Attached to the caller's handle ({@code handle.attach}), so each
 * statement runs in the caller's transaction. The two long statements are {@code .sql} files beside this interface
 * ({@code SeatClaims/claim.sql}, {@code SeatClaims/sweep.sql}).
 */
public interface SeatClaims {

    /** A seat the claim statement touched, and the state it left it in. */
    record ClaimedSeat(String seatId, String state) {}

    /** What a sweep did: how many holds it marked EXPIRED, and the showtimes whose seats it freed. */
    record Swept(int marked, Set<Long> showtimes) {}

    /**
     * Takes and frees seats of one showtime in one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}. Rows are visited
     * in the order of the sorted array, the same order in every transaction, so two requests never lock each other's
     * seats crosswise (a deadlock costs a second before PostgreSQL notices it). A seat is taken only when it is free,
     * an expired hold, already this hold's, or held by the caller's hold that this statement releases; a seat is freed
     * only if the released hold still has it. {@code take[i]} says whether {@code seats[i]} is taken or freed.
     */
    @SqlQuery("claim")
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(ClaimedSeat.class)
    List<ClaimedSeat> claim(
            @Bind("showtime") long showtimeId,
            @Bind("hold") UUID holdId,
            @Bind("expiresAt") OffsetDateTime expiresAt,
            @Bind("releasing") UUID releasing,
            @Bind("seats") String[] seats,
            @Bind("take") Boolean[] take);

    /** The seats among {@code seats} that are sold, or held unexpired by another terminal's hold, right now. */
    @SqlQuery("""
            select c.seat_id from seat_claims c left join holds h on h.id = c.hold_id
             where c.showtime_id = :showtime and c.seat_id = any(cast(:seats as text[]))
               and (c.state = 'SOLD'
                    or (c.state = 'HELD' and c.expires_at > now() and h.terminal_id <> :terminal))
             order by c.seat_id""")
    List<String> takenByOthers(
            @Bind("showtime") long showtimeId, @Bind("seats") String[] seats, @Bind("terminal") long terminalId);

    /** Moves the expiry of the hold's HELD claims; returns how many it moved (fewer: some were taken over). */
    @SqlUpdate("""
            update seat_claims set expires_at = :expiresAt
             where (showtime_id, seat_id) in (
                    select showtime_id, seat_id from seat_claims
                     where showtime_id = :showtime and seat_id = any(cast(:seats as text[]))
                       and hold_id = :hold and state = 'HELD'
                     order by seat_id for update)""")
    int moveExpiry(
            @Bind("expiresAt") OffsetDateTime expiresAt,
            @Bind("showtime") long showtimeId,
            @Bind("seats") String[] seats,
            @Bind("hold") UUID holdId);

    /**
     * Marks up to {@code limit} expired holds EXPIRED and frees their seats. Rows another transaction is busy with are
     * skipped, never waited for: they are being taken over or extended.
     */
    @SqlQuery("sweep")
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(Swept.class)
    Swept sweep(@Bind("limit") int limit);

    /** Marks the hold's unexpired HELD seats SOLD; returns how many (fewer: some were lost). */
    @SqlUpdate("""
            update seat_claims set state = 'SOLD', expires_at = null,
                   version = nextval('seat_claim_version')
             where (showtime_id, seat_id) in (
                    select showtime_id, seat_id from seat_claims
                     where showtime_id = :s and seat_id = any(cast(:seats as text[]))
                       and hold_id = :h and state = 'HELD' and expires_at > now()
                     order by seat_id for update)""")
    int markSold(@Bind("s") long showtimeId, @Bind("seats") String[] seats, @Bind("h") UUID holdId);

    /** Frees the seats a refunded order's hold had sold. */
    @SqlUpdate("""
            update seat_claims set state = 'FREE', hold_id = null, expires_at = null,
                   version = nextval('seat_claim_version')
             where (showtime_id, seat_id) in (
                    select showtime_id, seat_id from seat_claims
                     where showtime_id = :s and hold_id = :h and state = 'SOLD'
                     order by seat_id for update)""")
    int freeSold(@Bind("s") long showtimeId, @Bind("h") UUID holdId);
}
