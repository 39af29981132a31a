package org.marquee.server.db;

/**
 * Which terminal holds a claimed seat, as SQL over {@code seat_claims c}: the claim's own {@code terminal_id} (V16),
 * or, for a claim written by a release before V16 during a rolling upgrade, its hold's. COALESCE evaluates the lookup
 * only for such rows. Meaningful only where {@code c.state = 'HELD'}; the hold reads and the seat map both use it.
 */
public final class SeatClaimHolder {

    public static final String SQL =
            "coalesce(c.terminal_id, (select h.terminal_id from holds h where h.id = c.hold_id), 0)";

    private SeatClaimHolder() {}
}
