package org.marquee.server.holds.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.marquee.model.HoldStatus;
import org.marquee.server.db.Transactions;
import org.marquee.server.testing.TestPostgres;

/**
 * Migration V18 (decision 0041) on a database that has holds: a terminal's active hold moves into its row of
 * {@code terminal_holds} and ended holds stay as they were, all readable through the view {@code holds} with the same
 * ids, statuses and seats; an order still finds its hold; the server's store goes on with them; terminals made
 * afterwards get their row; and a second active hold for one terminal written through the view is refused as the old
 * unique index refused it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HoldsInPlaceMigrationTest {

    private static final UUID ACTIVE = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID RELEASED = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID LAPSED = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000010");

    private Jdbi jdbi;

    @BeforeAll
    void migrateAHoldsDatabase() {
        String url = TestPostgres.newDatabase("holds-in-place");
        flyway(url, "17").migrate();
        jdbi = Jdbi.create(url, "postgres", "postgres");
        jdbi.useHandle(h -> h.execute("""
                insert into theaters (id, name, address, lat, lon, time_zone)
                values (1, 'Odeon', 'Main St 1', 52.5, 13.4, 'Europe/Berlin');
                insert into auditoriums (id, theater_id, name, layout, seat_count) values (1, 1, 'One', '{AAAA}', 4);
                insert into movies (id, title, runtime_minutes, rating) values (1, 'Film', 100, 'PG');
                insert into showtimes (id, movie_id, auditorium_id, starts_at, format)
                values (1, 1, 1, now() + interval '1 day', '2D');
                insert into terminals (id, name, kind, theater_id, token_hash)
                values (1, 'k1', 'KIOSK', 1, 'h1'), (2, 'k2', 'KIOSK', 1, 'h2'), (3, 'k3', 'KIOSK', 1, 'h3');
                insert into holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                   max_expires_at, ended_at)
                values ('00000000-0000-4000-8000-000000000002', 1, 1, 'RELEASED', '{A1}', now() - interval '5 minutes',
                        now() + interval '3 minutes', now() + interval '15 minutes', now() - interval '4 minutes');
                insert into holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                   max_expires_at, accessible)
                values ('00000000-0000-4000-8000-000000000001', 1, 1, 'ACTIVE', '{A2,A3}', now(),
                        now() + interval '8 minutes', now() + interval '20 minutes', true),
                       ('00000000-0000-4000-8000-000000000003', 1, 2, 'ACTIVE', '{A4}', now() - interval '9 minutes',
                        now() - interval '1 minute', now() + interval '11 minutes', false);
                insert into seat_claims (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
                values (1, 'A2', 'HELD', '00000000-0000-4000-8000-000000000001', 1, now() + interval '8 minutes', 1),
                       (1, 'A3', 'HELD', '00000000-0000-4000-8000-000000000001', 1, now() + interval '8 minutes', 2),
                       (1, 'A4', 'HELD', '00000000-0000-4000-8000-000000000003', 2, now() - interval '1 minute', 3);
                insert into orders (id, code, hold_id, showtime_id, terminal_id, status, total_minor, currency)
                values ('00000000-0000-4000-8000-000000000010', 'ABC234', '00000000-0000-4000-8000-000000000001',
                        1, 1, 'PENDING_PAYMENT', 1900, 'EUR');
                """));
        flyway(url, "latest").migrate();
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    @Order(1)
    void everyHoldKeepsItsIdStatusAndSeats() {
        List<Map<String, Object>> rows =
                jdbi.withHandle(h -> h.createQuery("""
                        select id, terminal_id, status, array_to_string(seat_ids, ',') as seats, accessible
                          from holds order by id""").mapToMap().list());

        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "id",
                                ACTIVE,
                                "terminal_id",
                                1L,
                                "status",
                                "ACTIVE",
                                "seats",
                                "A2,A3",
                                "accessible",
                                true),
                        Map.of(
                                "id",
                                RELEASED,
                                "terminal_id",
                                1L,
                                "status",
                                "RELEASED",
                                "seats",
                                "A1",
                                "accessible",
                                false),
                        Map.of(
                                "id",
                                LAPSED,
                                "terminal_id",
                                2L,
                                "status",
                                "ACTIVE",
                                "seats",
                                "A4",
                                "accessible",
                                false));
        assertThat(count("select count(*) from terminal_holds")).isEqualTo(3);
        assertThat(count("select count(*) from terminal_holds where hold_id is not null"))
                .isEqualTo(2);
        assertThat(count("select count(*) from ended_holds")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anOrderStillFindsItsHold() {
        UUID hold = jdbi.withHandle(
                h -> h.createQuery("select h.id from orders o join holds h on h.id = o.hold_id" + " where o.id = :o")
                        .bind("o", ORDER)
                        .mapTo(UUID.class)
                        .one());

        assertThat(hold).isEqualTo(ACTIVE);
    }

    @Test
    @Order(4)
    void theStoreGoesOnWithMigratedHolds() {
        HoldStore store = new HoldStore(jdbi, () -> false);

        assertThat(store.find(ACTIVE).orElseThrow().seatIds()).containsExactly("A2", "A3");
        HoldStore.Swept swept = store.sweepShowtimes(10);

        assertThat(swept.marked()).isEqualTo(1);
        assertThat(store.find(LAPSED).orElseThrow().storedStatus()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(claimState("A4")).isEqualTo("FREE");
        assertThat(store.find(ACTIVE).orElseThrow().storedStatus()).isEqualTo(HoldStatus.ACTIVE);
    }

    @Test
    @Order(5)
    void aTerminalMadeAfterTheMigrationHasItsRow() {
        jdbi.useHandle(h -> h.execute("insert into terminals (id, name, kind, theater_id, token_hash)"
                + " values (4, 'k4', 'COUNTER', 1, 'h4')"));

        assertThat(count("select count(*) from terminal_holds where terminal_id = 4 and hold_id is null"))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSecondActiveHoldOfOneTerminalIsRefusedAsTheUniqueIndexRefusedIt() {
        assertThatThrownBy(() -> jdbi.useHandle(h -> insertActive(h, UUID.randomUUID(), 1)))
                .satisfies(e -> assertThat(Transactions.isUniqueViolation(e, "holds_one_active_per_terminal"))
                        .isTrue());
        assertThat(count("select count(*) from holds where terminal_id = 1 and status = 'ACTIVE'"))
                .isEqualTo(1);
    }

    private static void insertActive(Handle h, UUID id, long terminal) {
        h.createUpdate("""
                        insert into holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,
                                           max_expires_at)
                        values (:id, 1, :t, 'ACTIVE', '{A1}', now(), now() + interval '8 minutes',
                                now() + interval '20 minutes')""").bind("id", id).bind("t", terminal).execute();
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private String claimState(String seat) {
        return jdbi.withHandle(
                h -> h.createQuery("select state from seat_claims where showtime_id = 1 and seat_id = :s")
                        .bind("s", seat)
                        .mapTo(String.class)
                        .one());
    }
}
