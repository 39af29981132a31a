package org.marquee.server.holds.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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

    /**
     * What one read found, nothing in it particular to the terminal that asked: first checks of one showtime share whole
     * reads ({@link SharedReads}). {@code claimedBy}: every live claim read, seat to holding terminal (0 when sold or
     * gone); {@code sold}: the sold seats among them.
     */
    record Claims(Instant now, Map<String, Long> claimedBy, Set<String> sold, HouseSeats house, Instant nextExpiry) {}

    private final Jdbi jdbi;
    private final SharedReads<Claims> wholeReads;
    private final Handle handle;
    private final long showtimeId;
    private final long terminalId;
    /** Inside a new hold's transaction: its time and house seats, read with the terminal's lock. */
    private final Opening opening;

    private Seen lastWhole;
    /** The seats sold when {@link #lastWhole} was read. */
    private Set<String> lastSold = Set.of();

    private ClaimsSeen(
            Jdbi jdbi,
            SharedReads<Claims> wholeReads,
            Handle handle,
            long showtimeId,
            long terminalId,
            Opening opening) {
        this.opening = opening;
        this.jdbi = jdbi;
        this.wholeReads = wholeReads;
        this.handle = handle;
        this.showtimeId = showtimeId;
        this.terminalId = terminalId;
    }

    /**
     * Committed rows, for the first check, which locks nothing and writes nothing; a read of the whole showtime is
     * shared with the first checks that arrived with this one ({@code wholeReads}).
     */
    static ClaimsSeen committed(Jdbi jdbi, SharedReads<Claims> wholeReads, long showtimeId, long terminalId) {
        return new ClaimsSeen(jdbi, wholeReads, null, showtimeId, terminalId, null);
    }

    /** Inside the hold's transaction, on its handle. */
    static ClaimsSeen deciding(Handle handle, long showtimeId, long terminalId) {
        return new ClaimsSeen(null, null, handle, showtimeId, terminalId, null);
    }

    /** Inside a new hold's transaction, which began by reading {@code opening}. */
    static ClaimsSeen deciding(Handle handle, long showtimeId, long terminalId, Opening opening) {
        return new ClaimsSeen(null, null, handle, showtimeId, terminalId, opening);
    }

    @Override
    public Optional<Opening> opening() {
        return Optional.ofNullable(opening);
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
        boolean whole = seatIds.isEmpty();
        Claims claims;
        if (handle != null) {
            claims = read(handle, seatIds);
        } else if (whole) {
            claims = wholeReads.read(showtimeId, () -> Transactions.reading(jdbi, on -> read(on, seatIds)));
        } else {
            claims = Transactions.reading(jdbi, on -> read(on, seatIds));
        }
        // seats of the asking terminal's own live hold count as free
        Seen seen = new Seen(
                claims.now(),
                new TakenByOthers(claims.claimedBy(), terminalId),
                claims.house(),
                whole ? claims.claimedBy() : Map.of(),
                claims.nextExpiry());
        if (whole && handle == null) {
            lastWhole = seen;
            lastSold = claims.sold();
        }
        return seen;
    }

    private Claims read(Handle on, Collection<String> seatIds) {
        return READ.on(on)
                .bind("s", showtimeId)
                .bind("seats", seatIds.toArray(String[]::new))
                .query(rs -> {
                    rs.next();
                    String[] seats = (String[]) rs.getArray("seats").getArray();
                    Long[] holders = (Long[]) rs.getArray("holders").getArray();
                    Map<String, Long> claimedBy = new HashMap<>(seats.length * 2);
                    for (int i = 0; i < seats.length; i++) {
                        claimedBy.put(seats[i], holders[i]);
                    }
                    OffsetDateTime expiry = rs.getObject("next_expiry", OffsetDateTime.class);
                    return new Claims(
                            rs.getObject("now", OffsetDateTime.class).toInstant(),
                            Collections.unmodifiableMap(claimedBy),
                            Set.of((String[]) rs.getArray("sold").getArray()),
                            HouseSeats.of(
                                    Arrays.asList(
                                            (String[]) rs.getArray("house").getArray()),
                                    rs.getInt("house_minutes")),
                            expiry == null ? null : expiry.toInstant());
                });
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
