package org.marquee.server.holds.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.marquee.server.db.PlainSql;
import org.marquee.server.holds.HoldRecord;

/**
 * The one statement that takes and frees a showtime's seats ({@link #CLAIM}), alone or with the insert of the hold
 * that takes them: a grant is then one round trip to PostgreSQL, not two.
 */
final class SeatClaims {

    /**
     * Takes and frees seats of one showtime in one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}. Rows are visited
     * in the order of the sorted array, the same order in every transaction, so two requests never lock each other's
     * seats crosswise (a deadlock costs a second before PostgreSQL notices it). A seat is taken only when it is free,
     * an expired hold, already this hold's, or held by the caller's hold that this statement releases; a seat is freed
     * only if the released hold still has it. A held seat names its hold's terminal too, so that reads of who holds
     * what need not look the hold up (V16).
     */
    private static final String CLAIM = """
            insert into seat_claims as c (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
            select :showtime, s.seat,
                   case when s.take then 'HELD' else 'FREE' end,
                   case when s.take then cast(:hold as uuid) end,
                   case when s.take then cast(:terminal as bigint) end,
                   case when s.take then cast(:expiresAt as timestamptz) end,
                   nextval('seat_claim_version')
              from unnest(cast(:seats as text[]), cast(:take as boolean[])) as s (seat, take)
            """ + takeOrFree("cast(:releasing as uuid)");

    /**
     * How every claim statement ends: the rows to take ({@code state = 'HELD'}) or free ({@code 'FREE'}) are offered in
     * order and each is written only under the conditions above; {@code releasing} is the SQL of the released hold's
     * id (null for none). Returns every row written.
     */
    static String takeOrFree(String releasing) {
        return """
                on conflict (showtime_id, seat_id) do update
                   set state = excluded.state, hold_id = excluded.hold_id, terminal_id = excluded.terminal_id,
                       expires_at = excluded.expires_at, version = excluded.version
                 where (excluded.state = 'HELD'
                        and (c.state = 'FREE'
                             or (c.state = 'HELD' and (c.expires_at <= now()
                                                       or c.hold_id = excluded.hold_id
                                                       or c.hold_id = %1$s))))
                    or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = %1$s)
                returning c.showtime_id, c.seat_id, c.state""".formatted(releasing);
    }

    /**
     * {@link #CLAIM} with the terminal's previous hold ended and the new one put in its row in the same statement
     * ({@link HoldRows#replaceHold}). The claim's rows name a hold that is not yet visible to it; seat_claims has no
     * foreign key to holds, and both are in or out with the transaction.
     */
    private static final String INSERT_HOLD = HoldRows.replaceHold(
            ":terminal",
            "cast(:hold as uuid)",
            ":showtime",
            "cast(:held as text[])",
            "cast(:createdAt as timestamptz)",
            "cast(:expiresAt as timestamptz)",
            "cast(:maxExpiresAt as timestamptz)");

    private static final PlainSql CLAIM_ALONE = PlainSql.of(CLAIM);

    private static final PlainSql INSERT_HOLD_AND_CLAIM = PlainSql.of(INSERT_HOLD + CLAIM);

    private SeatClaims() {}

    /** Inserts {@code hold} and gives it its seats, freeing those of {@code released}; or rolls back. */
    static void insertAndClaim(
            Handle handle, HoldRecord hold, boolean accessible, List<String> released, UUID releasedHold) {
        PlainSql.Bound query = INSERT_HOLD_AND_CLAIM
                .on(handle)
                .bind("held", hold.seatIds().toArray(String[]::new))
                .bind("createdAt", hold.createdAt())
                .bind("maxExpiresAt", hold.maxExpiresAt())
                .bind("accessible", accessible);
        failUnlessAll(run(
                query,
                hold.showtimeId(),
                hold.terminalId(),
                hold.id(),
                hold.expiresAt(),
                hold.seatIds(),
                released,
                releasedHold));
    }

    /** Gives {@code hold} exactly {@code seats}, freeing those of {@code released} it no longer has; or rolls back. */
    static void claim(Handle handle, HoldRecord hold, List<String> seats, List<String> released, UUID releasedHold) {
        failUnlessAll(run(
                CLAIM_ALONE.on(handle),
                hold.showtimeId(),
                hold.terminalId(),
                hold.id(),
                hold.expiresAt(),
                seats,
                released,
                releasedHold));
    }

    /** Frees the seats the hold still has. */
    static void free(Handle handle, HoldRecord hold) {
        run(CLAIM_ALONE.on(handle), hold.showtimeId(), null, null, null, List.of(), hold.seatIds(), hold.id());
    }

    private static void failUnlessAll(List<String> notTaken) {
        if (!notTaken.isEmpty()) {
            throw new SeatsTaken(notTaken);
        }
    }

    /** Runs {@link #CLAIM} (or a statement ending in it); returns the seats of {@code take} that could not be taken. */
    private static List<String> run(
            PlainSql.Bound query,
            long showtimeId,
            Long terminalId,
            UUID holdId,
            Instant expiresAt,
            List<String> take,
            List<String> free,
            UUID releasing) {
        TreeMap<String, Boolean> rows = new TreeMap<>();
        free.forEach(seat -> rows.put(seat, false));
        take.forEach(seat -> rows.put(seat, true));
        Set<String> held = new HashSet<>();
        query.bind("showtime", showtimeId)
                .bind("terminal", terminalId)
                .bind("hold", holdId)
                .bind("expiresAt", expiresAt)
                .bind("releasing", releasing)
                .bind("seats", rows.keySet().toArray(String[]::new))
                .bind("take", rows.values().toArray(Boolean[]::new))
                .query(rs -> {
                    while (rs.next()) {
                        if (rs.getString("state").equals("HELD")) {
                            held.add(rs.getString("seat_id"));
                        }
                    }
                    return held;
                });
        return take.stream().filter(seat -> !held.contains(seat)).toList();
    }

    /** Rolls the transaction back when some seats could not be taken; cheap, as it carries no stack trace. */
    static final class SeatsTaken extends RuntimeException {
        private final transient List<String> seatIds;

        SeatsTaken(List<String> seatIds) {
            super("seats taken", null, false, false);
            this.seatIds = seatIds;
        }

        List<String> seatIds() {
            return seatIds;
        }
    }
}
