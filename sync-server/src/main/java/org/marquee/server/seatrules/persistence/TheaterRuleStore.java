package org.marquee.server.seatrules.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.Transactions;
import org.marquee.server.seatrules.SeatRules;
import org.marquee.server.seatrules.SingleSeatRule;

/** Reads a theater's seat-rule settings (columns of {@code theaters}, V4). */
public final class TheaterRuleStore {

    private final Jdbi jdbi;

    public TheaterRuleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<SeatRules.Settings> settings(long theaterId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery(
                                "select single_seat_rule, accessible_release_minutes from theaters where id = :id")
                        .bind("id", theaterId)
                        .map((rs, ctx) -> new SeatRules.Settings(
                                SingleSeatRule.valueOf(rs.getString("single_seat_rule")),
                                rs.getInt("accessible_release_minutes")))
                        .findOne());
    }
}
