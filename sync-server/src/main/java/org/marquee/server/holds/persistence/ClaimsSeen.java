package org.marquee.server.holds.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.PlainSql;
import org.marquee.server.db.SeatClaimHolder;
import org.marquee.server.db.Transactions;
import org.marquee.server.holds.SeatsSeen;
import org.marquee.server.holds.TakenByOthers;
import org.marquee.server.seatrules.HouseSeats;

/**
 * A showtime's seats as a hold request sees them: inside the hold's transaction (its reads come after its locks, each
 * statement seeing what committed before it), or from committed rows without a lock for the first check. Seats of the
 * asking terminal's own live hold count as free: that hold is released by the new one, or is the one that changes.
 */
final class ClaimsSeen implements SeatsSeen {

    private static final PlainSql READ = PlainSql.of("""
            select now() as now,
                   coalesce((select house_seat_ids from showtime_seat_rules where showtime_id = :s), '{}') as house,
                   coalesce((select house_release_minutes from showtime_seat_rules where showtime_id = :s), 0)
                       as house_minutes,
                   x.seats, x.holders, x.next_expiry, x.sold
              from (select coalesce(array_agg(c.seat_id), '{}') as seats,
                           coalesce(array_agg(case when c.state = 'HELD' then %s else 0 end), '{}') as holders,
                           coalesce(array_agg(c.seat_id) filter (where c.state = 'SOLD'), '{}') as sold,
                           min(c.expires_at) filter (where c.state = 'HELD') as next_expiry
                      from seat_claims c
                     where c.showtime_id = :s
                       and (cardinality(cast(:seats as text[])) = 0 or c.seat_id = any(cast(:seats as text[])))
                       and (c.state in ('SOLD', 'GONE') or (c.state = 'HELD' and c.expires_at > now()))) x""".formatted(SeatClaimHolder.SQL));

    /**
     * One 64-bit advisory lock per (showtime, segment), taken in the order given (sorted by the caller) and held until
     * commit; a hash collision only makes two segments wait for each other.
     */
    private static final PlainSql LOCK =
            PlainSql.of("select k, pg_advisory_xact_lock(hashtextextended(cast(:s as text) || '/' || k, 0))"
                    + " from unnest(cast(:keys as text[])) with ordinality as u (k, n) order by n");

    private static final PlainSql ALL_SOLD = PlainSql.of("select count(*) = cardinality(cast(:seats as text[]))"
            + " from seat_claims where showtime_id = :s and state = 'SOLD' and seat_id = any(cast(:seats as text[]))");

    private final Jdbi jdbi;
    private final Handle handle;
    private final long showtimeId;
    private final long terminalId;
    private Seen lastWhole;
    /** The seats sold when {@link #lastWhole} was read. */
    private Set<String> lastSold = Set.of();

    private ClaimsSeen(Jdbi jdbi, Handle handle, long showtimeId, long terminalId) {
        this.jdbi = jdbi;
        this.handle = handle;
        this.showtimeId = showtimeId;
        this.terminalId = terminalId;
    }

    /** Committed rows, each read on its own: for the first check, which locks nothing and writes nothing. */
    static ClaimsSeen committed(Jdbi jdbi, long showtimeId, long terminalId) {
        return new ClaimsSeen(jdbi, null, showtimeId, terminalId);
    }

    /** Inside the hold's transaction, on its handle. */
    static ClaimsSeen deciding(Handle handle, long showtimeId, long terminalId) {
        return new ClaimsSeen(null, handle, showtimeId, terminalId);
    }

    @Override
    public boolean deciding() {
        return handle != null;
    }

    @Override
    public void lock(List<String> segmentKeys) {
        if (handle == null || segmentKeys.isEmpty()) {
            return;
        }
        LOCK.on(handle)
                .bind("s", showtimeId)
                .bind("keys", segmentKeys.toArray(String[]::new))
                .query(rs -> {
                    while (rs.next()) {
                        // each row is a lock taken
                    }
                    return null;
                });
    }

    @Override
    public Seen read(Collection<String> seatIds) {
        return handle == null ? Transactions.reading(jdbi, on -> read(on, seatIds)) : read(handle, seatIds);
    }

    private Seen read(Handle on, Collection<String> seatIds) {
        boolean whole = seatIds.isEmpty();
        Seen seen = READ.on(on)
                .bind("s", showtimeId)
                .bind("seats", seatIds.toArray(String[]::new))
                .query(rs -> {
                    rs.next();
                    String[] seats = (String[]) rs.getArray("seats").getArray();
                    Long[] holders = (Long[]) rs.getArray("holders").getArray();
                    Set<String> taken;
                    Map<String, Long> claimedBy;
                    if (whole) {
                        // who claims each seat is kept for memory's hint; the taken seats are a view of it
                        claimedBy = new HashMap<>(seats.length * 2);
                        for (int i = 0; i < seats.length; i++) {
                            claimedBy.put(seats[i], holders[i]);
                        }
                        taken = new TakenByOthers(claimedBy, terminalId);
                    } else {
                        claimedBy = Map.of();
                        taken = new HashSet<>(seats.length * 2);
                        for (int i = 0; i < seats.length; i++) {
                            // seats of the asking terminal's own live hold count as free
                            if (holders[i] != terminalId) {
                                taken.add(seats[i]);
                            }
                        }
                    }
                    if (whole && handle == null) {
                        lastSold = Set.of((String[]) rs.getArray("sold").getArray());
                    }
                    OffsetDateTime expiry = rs.getObject("next_expiry", OffsetDateTime.class);
                    return new Seen(
                            rs.getObject("now", OffsetDateTime.class).toInstant(),
                            taken,
                            HouseSeats.of(
                                    Arrays.asList(
                                            (String[]) rs.getArray("house").getArray()),
                                    rs.getInt("house_minutes")),
                            claimedBy,
                            expiry == null ? null : expiry.toInstant());
                });
        if (whole && handle == null) {
            lastWhole = seen;
        }
        return seen;
    }

    /** The last read of the whole showtime from committed rows, if this first check made one. */
    Optional<Seen> lastWhole() {
        return Optional.ofNullable(lastWhole);
    }

    /**
     * After a whole read of committed rows (the first check reads nothing else), from that read: the same moment the
     * rest of the check saw, without another round trip. Otherwise, and always inside the transaction, from the rows.
     */
    @Override
    public boolean allSold(List<String> seatIds) {
        if (handle == null && lastWhole != null) {
            return lastSold.containsAll(seatIds);
        }
        return handle != null ? allSold(handle, seatIds) : Transactions.reading(jdbi, on -> allSold(on, seatIds));
    }

    private boolean allSold(Handle on, List<String> seatIds) {
        return ALL_SOLD.on(on)
                .bind("s", showtimeId)
                .bind("seats", seatIds.toArray(String[]::new))
                .query(rs -> rs.next() && rs.getBoolean(1));
    }
}
