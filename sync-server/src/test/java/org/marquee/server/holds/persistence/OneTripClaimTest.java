package org.marquee.server.holds.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.SeatChoice;
import org.marquee.server.holds.SeatsSeen;
import org.marquee.server.testing.TestServer;

/**
 * The claim of a hold sent in one round trip (decision 0039), run on the store itself against real PostgreSQL, so that
 * no seat-map read or sweep frees a lapsed claim first, as the running server does at the moment a hold lapses: what the
 * claim may take (a lapsed hold's seat still stored as held, the terminal's own) is granted; what it may not (another
 * terminal's live seat, a sold seat) refuses the hold, naming those seats, with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTripClaimTest {

    private static final Duration TTL = Duration.ofMinutes(8);

    private TestServer server;
    private HoldStore store;
    private long showtime;
    private long first;
    private long second;

    @BeforeAll
    void start() {
        server =
                TestServer.start("one-trip-claim", TestServer.Options.defaults().withoutSweeper());
        store = new HoldStore(server.jdbi(), () -> false);
        showtime = server.bigHallShowtime();
        List<Long> kiosks = server.jdbi()
                .withHandle(h -> h.createQuery("select id from terminals where kind = 'KIOSK' order by id limit 2")
                        .mapTo(Long.class)
                        .list());
        first = kiosks.get(0);
        second = kiosks.get(1);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLapsedHoldsSeatStillStoredAsHeldIsGranted() {
        HoldResult.Granted lapsed = granted(hold(first, "L1", "L2"));
        server.jdbi().useHandle(h -> {
            h.createUpdate("update holds set expires_at = now() - interval '1 second' where id = :id")
                    .bind("id", lapsed.hold().id())
                    .execute();
            h.createUpdate("update seat_claims set expires_at = now() - interval '1 second' where hold_id = :id")
                    .bind("id", lapsed.hold().id())
                    .execute();
        });

        HoldResult.Granted taken = granted(hold(second, "L2", "L3"));

        assertThat(taken.hold().seatIds()).containsExactly("L2", "L3");
        assertThat(claimHolder("L2")).isEqualTo(taken.hold().id());
    }

    @Test
    void theTerminalsOwnSeatsPassAndItsPreviousHoldEnds() {
        HoldResult.Granted before = granted(hold(first, "M1", "M2"));

        HoldResult.Granted after = granted(hold(first, "M2", "M3"));

        assertThat(status(before.hold().id())).isEqualTo("RELEASED");
        assertThat(claimHolder("M2")).isEqualTo(after.hold().id());
        assertThat(claimHolder("M1"))
                .as("the seat the new hold did not keep is free")
                .isNull();
    }

    @Test
    void anotherTerminalsLiveSeatAndASoldSeatRefuseWithNothingWritten() {
        HoldResult.Granted others = granted(hold(second, "N2"));
        server.jdbi()
                .useHandle(h -> h.createUpdate("""
                                insert into seat_claims (showtime_id, seat_id, state, hold_id, version)
                                values (:s, 'N4', 'SOLD', :hold, nextval('seat_claim_version'))""")
                        .bind("s", showtime)
                        .bind("hold", UUID.randomUUID())
                        .execute());
        HoldResult.Granted mine = granted(hold(first, "N1"));
        long holdsBefore = holdCount();

        HoldResult refused = hold(first, "N2", "N3", "N4");

        assertThat(refused).isInstanceOf(HoldResult.Taken.class);
        assertThat(((HoldResult.Taken) refused).seatIds()).containsExactly("N2", "N4");
        assertThat(holdCount()).as("no hold row was written").isEqualTo(holdsBefore);
        assertThat(status(mine.hold().id())).as("the previous hold stays").isEqualTo("ACTIVE");
        assertThat(claimHolder("N1")).isEqualTo(mine.hold().id());
        assertThat(claimHolder("N2")).isEqualTo(others.hold().id());
        assertThat(claimHolder("N3")).as("N3 was never claimed").isNull();
    }

    private HoldResult hold(long terminal, String... seats) {
        return store.create(terminal, showtime, asked(List.of(seats)), false, false, TTL, TTL.multipliedBy(2));
    }

    /** Asked seats with nothing to read for them, as a kiosk's under the rule OFF or a counter's. */
    static SeatChoice asked(List<String> seats) {
        return new SeatChoice() {
            @Override
            public List<String> decide(SeatsSeen seen) {
                return seats;
            }

            @Override
            public boolean choosesSeats() {
                return false;
            }

            @Override
            public Optional<Unread> withoutReading() {
                return Optional.of(new Unread(seats, Optional.empty(), SeatsTaken::new));
            }
        };
    }

    private static HoldResult.Granted granted(HoldResult result) {
        assertThat(result).isInstanceOf(HoldResult.Granted.class);
        return (HoldResult.Granted) result;
    }

    private UUID claimHolder(String seat) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("""
                                select hold_id from seat_claims
                                 where showtime_id = :s and seat_id = :seat and state = 'HELD'""")
                        .bind("s", showtime)
                        .bind("seat", seat)
                        .mapTo(UUID.class)
                        .findOne()
                        .orElse(null));
    }

    private String status(UUID hold) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select status from holds where id = :id")
                        .bind("id", hold)
                        .mapTo(String.class)
                        .one());
    }

    private long holdCount() {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from holds")
                        .mapTo(Long.class)
                        .one());
    }
}
