package org.marquee.server.holds.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.SeatChoice;
import org.marquee.server.testing.TestServer;

/**
 * A terminal's hold in one row updated in place (V18, decision 0041), hammered: eight terminals replace their holds
 * as fast as they can over a few shared seats, by both paths (one round trip and in parts), with holds so short that
 * most lapse between two requests, and release some, while two sweepers move lapsed holds out of the terminals' rows at
 * the same time. Afterwards every hold that was granted is found exactly once, with the status its history allows:
 * only each terminal's last hold may still be active, and a hold marked EXPIRED had run out when it was marked, so no
 * sweep ever ended a hold that had just replaced a lapsed one. And no seat is held live by a hold that has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsInPlaceRaceTest {

    private static final int TERMINALS = 8;
    private static final int HOLDS_EACH = 150;
    private static final Duration TTL = Duration.ofMillis(40);

    private TestServer server;
    private HoldStore store;
    private long showtime;
    private List<Long> terminals;

    @BeforeAll
    void start() {
        server = TestServer.start(
                "holds-in-place-race",
                TestServer.Options.defaults().kiosks(TERMINALS).withoutSweeper());
        store = new HoldStore(server.jdbi(), () -> false);
        showtime = server.bigHallShowtime();
        terminals = server.jdbi()
                .withHandle(h -> h.createQuery("select id from terminals where kind = 'KIOSK' order by id limit :n")
                        .bind("n", TERMINALS)
                        .mapTo(Long.class)
                        .list());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyGrantedHoldIsFoundOnceWithAStatusItsHistoryAllows() throws Exception {
        Map<Long, List<UUID>> granted = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger swept = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS + 2);
        List<Future<?>> sweepers = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sweepers.add(pool.submit(() -> {
                go.await();
                while (running.get()) {
                    swept.addAndGet(store.sweepShowtimes(5).marked());
                }
                return null;
            }));
        }
        List<Future<?>> clerks = new ArrayList<>();
        for (long terminal : terminals) {
            clerks.add(pool.submit(() -> {
                List<UUID> mine = Collections.synchronizedList(new ArrayList<>());
                granted.put(terminal, mine);
                go.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < HOLDS_EACH; i++) {
                    List<String> seats = List.of("R" + (1 + random.nextInt(12)));
                    SeatChoice choice =
                            random.nextBoolean() ? OneTripClaimTest.asked(seats) : SeatChoice.exactly(seats);
                    HoldResult result =
                            store.create(terminal, showtime, choice, false, false, TTL, TTL.multipliedBy(3));
                    if (result instanceof HoldResult.Granted g) {
                        mine.add(g.hold().id());
                        if (random.nextInt(10) == 0) {
                            store.release(g.hold().id());
                        }
                    }
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(TTL.toMillis() + random.nextInt(20));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> clerk : clerks) {
            clerk.get();
        }
        running.set(false);
        for (Future<?> sweeper : sweepers) {
            sweeper.get();
        }
        pool.shutdown();

        int total = granted.values().stream().mapToInt(List::size).sum();
        assertThat(total).as("most requests were granted").isGreaterThan(TERMINALS * HOLDS_EACH / 4);
        assertThat(swept.get()).as("the sweepers ended lapsed holds meanwhile").isPositive();
        for (long terminal : terminals) {
            List<UUID> holds = granted.get(terminal);
            Map<UUID, Map<String, Object>> found = server.jdbi()
                    .withHandle(h -> h
                            .createQuery("""
                                    select id, status, ended_at is null or status <> 'EXPIRED' or expires_at <= ended_at
                                           as fair, count(*) over (partition by id) as copies
                                      from holds where id = any(:ids)""")
                            .bind("ids", holds.toArray(UUID[]::new))
                            .map((rs, ctx) -> Map.entry(
                                    rs.getObject("id", UUID.class),
                                    Map.<String, Object>of(
                                            "status", rs.getString("status"),
                                            "fair", rs.getBoolean("fair"),
                                            "copies", rs.getLong("copies"))))
                            .list()
                            .stream()
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(found.keySet())
                    .as("terminal %d: every granted hold is found", terminal)
                    .hasSize(holds.size());
            for (int i = 0; i < holds.size(); i++) {
                Map<String, Object> row = found.get(holds.get(i));
                assertThat(row.get("copies")).as("one row per hold").isEqualTo(1L);
                assertThat(row.get("fair"))
                        .as("an EXPIRED hold had run out when it was marked")
                        .isEqualTo(true);
                if (i < holds.size() - 1) {
                    assertThat(row.get("status")).as("a replaced hold ended").isIn("RELEASED", "EXPIRED");
                }
            }
        }
        long liveSeatsOfEndedHolds = server.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                                select count(*) from seat_claims c join ended_holds e on e.id = c.hold_id
                                 where c.showtime_id = :s and c.state = 'HELD' and c.expires_at > now()""").bind("s", showtime).mapTo(Long.class).one());
        assertThat(liveSeatsOfEndedHolds)
                .as("no seat is held live by an ended hold")
                .isZero();
    }
}
