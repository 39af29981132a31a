package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * A new hold whose seats need no read in its transaction goes to PostgreSQL in one round trip, COMMIT included
 * (decision 0039): the terminal's previous hold ended and its seats freed, in whichever showtime, all or nothing. Kiosks
 * under the rule {@code OFF} and counters take this path; each test looks at what a terminal and the seat map show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldInOneTripTest {

    private TestServer server;
    /** Tomorrow's first showtime in the big hall, and a later one there with a higher id. */
    private long earlier;

    private long later;

    @BeforeAll
    void start() {
        server = TestServer.start("hold-one-trip", TestServer.Options.defaults().kiosks(40));
        server.singleSeatRule("OFF");
        earlier = server.bigHallShowtime();
        later = server.bigHallShowtimeAt(Instant.now().plus(Duration.ofDays(2)));
        assertThat(later).isGreaterThan(earlier);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aHoldInAnotherShowtimeFreesThePreviousHoldsSeatsThereWhicheverIdIsLower() {
        for (long[] move : new long[][] {{earlier, later}, {later, earlier}}) {
            ApiClient kiosk = server.kiosk(move[0] == earlier ? 1 : 2);
            String row = move[0] == earlier ? "C" : "D";
            String first = holdId(kiosk.post("/holds", holdBody(move[0], List.of(row + "1", row + "2"))));
            Answer second = kiosk.post("/holds", holdBody(move[1], List.of(row + "1")));
            assertThat(second.status()).isEqualTo(201);

            assertThat(kiosk.get("/holds/" + first).json().path("status").asText())
                    .isEqualTo("RELEASED");
            assertThat(kiosk.get("/holds/" + holdId(second))
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("ACTIVE");
            assertThat(server.kiosk(3)
                            .post("/holds", holdBody(move[0], List.of(row + "1", row + "2")))
                            .status())
                    .as("the previous hold's seats in showtime %d are free again", move[0])
                    .isEqualTo(201);
        }
    }

    @Test
    void aRefusalNamesEveryTakenSeatAndLeavesThePreviousHoldInAnotherShowtimeAsItWas() {
        ApiClient kiosk = server.kiosk(5);
        String mine = holdId(kiosk.post("/holds", holdBody(later, List.of("E1"))));
        assertThat(server.kiosk(6)
                        .post("/holds", holdBody(earlier, List.of("E2", "E4")))
                        .status())
                .isEqualTo(201);

        Answer refused = kiosk.post("/holds", holdBody(earlier, List.of("E2", "E3", "E4", "E5")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(refused.seatIds()).containsExactly("E2", "E4");
        assertThat(kiosk.get("/holds/" + mine).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(server.kiosk(7)
                        .post("/holds", holdBody(later, List.of("E1")))
                        .status())
                .as("E1 of the later showtime is still the refused terminal's")
                .isEqualTo(409);
        assertThat(server.kiosk(7)
                        .post("/holds", holdBody(earlier, List.of("E3", "E5")))
                        .status())
                .as("the refused request kept none of the seats it could have had")
                .isEqualTo(201);
    }

    /** Seats the terminal's previous hold has are its own to ask for again: the new hold keeps them. */
    @Test
    void aNewHoldMayKeepSeatsOfTheTerminalsPreviousHold() {
        ApiClient kiosk = server.kiosk(10);
        String first = holdId(kiosk.post("/holds", holdBody(earlier, List.of("K1", "K2"))));

        Answer moved = kiosk.post("/holds", holdBody(earlier, List.of("K2", "K3")));

        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(kiosk.get("/holds/" + first).json().path("status").asText()).isEqualTo("RELEASED");
        Answer other = server.kiosk(11).post("/holds", holdBody(earlier, List.of("K1", "K2")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.seatIds())
                .as("K1 was freed, K2 went on to the new hold")
                .containsExactly("K2");
    }

    @Test
    void aKiosksHouseSeatIsRefusedAndItsPreviousHoldStays() {
        assertThat(server.manager()
                        .put(
                                "/admin/showtimes/" + earlier + "/house-seats",
                                "{\"seatIds\":[\"G9\"],\"releaseMinutes\":0}")
                        .status())
                .isEqualTo(200);
        ApiClient kiosk = server.kiosk(8);
        String mine = holdId(kiosk.post("/holds", holdBody(earlier, List.of("G1"))));

        Answer refused = kiosk.post("/holds", holdBody(earlier, List.of("G8", "G9")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("HOUSE_SEATS");
        assertThat(refused.seatIds()).containsExactly("G9");
        assertThat(kiosk.get("/holds/" + mine).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(server.counter()
                        .post("/holds", holdBody(earlier, List.of("G8", "G9")))
                        .status())
                .as("the counter may have the house seat, and G8 was not kept")
                .isEqualTo(201);
    }

    /**
     * Terminals hopping between two showtimes over the same few seats at once: each request ends a hold in one
     * showtime and claims seats in the other, so rows of both are locked in one statement. Every answer is a grant or
     * a refusal naming seats, and afterwards no seat has two live holds and every live hold has all its seats.
     */
    @Test
    void terminalsHoppingBetweenTwoShowtimesAtOnceNeverShareASeat() throws Exception {
        List<String> seats = List.of("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10");
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 20; k < 36; k++) {
                ApiClient kiosk = server.kiosk(k);
                done.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 30; i++) {
                        List<String> ask = new ArrayList<>(seats);
                        Collections.shuffle(ask, random);
                        long showtime = random.nextBoolean() ? earlier : later;
                        int status = kiosk.post("/holds", holdBody(showtime, ask.subList(0, 1 + random.nextInt(3))))
                                .status();
                        statuses.merge(status, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(statuses.keySet()).as("answers by status").isSubsetOf(Set.of(201, 409));
        assertThat(statuses.getOrDefault(201, 0)).isPositive();
        Map<String, Integer> problems = new TreeMap<>();
        server.jdbi().useHandle(h -> {
            problems.put(
                    "seats with two live holds",
                    h.createQuery("""
                                select count(*) - count(distinct (h.showtime_id, s)) from holds h
                                 cross join unnest(h.seat_ids) s
                                 where h.status = 'ACTIVE' and h.expires_at > now()""").mapTo(Integer.class).one());
            problems.put(
                    "live hold seats not claimed by it",
                    h.createQuery("""
                                select count(*) from holds h cross join unnest(h.seat_ids) s
                                 where h.status = 'ACTIVE' and h.expires_at > now()
                                   and not exists (select 1 from seat_claims c
                                                    where c.showtime_id = h.showtime_id and c.seat_id = s
                                                      and c.state = 'HELD' and c.hold_id = h.id)""").mapTo(Integer.class).one());
            problems.put(
                    "held claims without their live hold",
                    h.createQuery("""
                                select count(*) from seat_claims c
                                 where c.state = 'HELD' and c.expires_at > now()
                                   and not exists (select 1 from holds h where h.id = c.hold_id
                                                    and h.status = 'ACTIVE' and h.seat_ids @> array[c.seat_id])""").mapTo(Integer.class).one());
            problems.put(
                    "terminals with two active holds",
                    h.createQuery("""
                                select count(*) from (select terminal_id from holds where status = 'ACTIVE'
                                 group by terminal_id having count(*) > 1) t""").mapTo(Integer.class).one());
        });
        assertThat(problems)
                .allSatisfy((what, count) -> assertThat(count).as(what).isZero());
    }

    private static String holdId(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }
}
