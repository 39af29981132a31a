package org.marquee.server.houseseats.persistence;

import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.Transactions;
import org.marquee.server.seatrules.HouseSeats;

/** A showtime's house seats in {@code showtime_seat_rules} (V7); each change takes a new seat-map version. */
public final class HouseSeatStore {

    private final Jdbi jdbi;

    public HouseSeatStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public HouseSeats find(long showtimeId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select house_seat_ids, house_release_minutes from showtime_seat_rules"
                                + " where showtime_id = :s")
                        .bind("s", showtimeId)
                        .map((rs, ctx) -> HouseSeats.of(
                                Arrays.asList(
                                        (String[]) rs.getArray("house_seat_ids").getArray()),
                                rs.getInt("house_release_minutes")))
                        .findOne()
                        .orElse(HouseSeats.NONE));
    }

    public void save(long showtimeId, List<String> seatIds, int releaseMinutes) {
        Transactions.retrying(
                jdbi,
                handle -> handle.createUpdate("""
                                insert into showtime_seat_rules (showtime_id, house_seat_ids, house_release_minutes, version)
                                values (:s, cast(:seats as text[]), :minutes, nextval('seat_claim_version'))
                                on conflict (showtime_id) do update
                                   set house_seat_ids = excluded.house_seat_ids,
                                       house_release_minutes = excluded.house_release_minutes,
                                       version = excluded.version""")
                        .bind("s", showtimeId)
                        .bind("seats", seatIds.toArray(String[]::new))
                        .bind("minutes", releaseMinutes)
                        .execute());
    }
}
