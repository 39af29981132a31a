package org.marquee.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestPostgres;
import org.marquee.server.testing.TestServer;

/**
 * The demo stays sellable for ever (issue 11): every start with {@code --demo-data} tops the schedule up to today + 6
 * days, adding only days an auditorium has no showtimes on, never a duplicate, and keeping what was sold.
 */
class DemoScheduleTopUpTest {

    private static final int AUDITORIUMS = 8;
    private static final int SLOTS = 4;

    @Test
    void aDemoWhoseShowtimesAreTenDaysOldGetsTodayAndTheNextSixDaysAndKeepsItsSales() throws Exception {
        String url = TestPostgres.newDatabase("demo_stale");
        String soldOrder;
        long soldShowtime;
        try (TestServer first = TestServer.startOn(url, TestServer.Options.defaults())) {
            soldShowtime = first.bigHallShowtime();
            soldOrder = sell(first, soldShowtime, "F7");
        }
        Jdbi jdbi = Jdbi.create(url, "postgres", "postgres");
        int original = count(jdbi, "select count(*) from showtimes");
        // ten days later: the whole schedule is in the past
        jdbi.useHandle(h -> h.execute("update showtimes set starts_at = starts_at - interval '10 days'"));
        LocalDate today = LocalDate.now(DemoFixture.ZONE);
        assertThat(perAuditoriumDay(jdbi, today)).isEmpty();

        // two instances start together on the stale database: one top-up, not two
        List<TestServer> started = startTogether(url, 2);
        try {
            Map<String, Integer> week = perAuditoriumDay(jdbi, today);
            assertThat(week).hasSize(AUDITORIUMS * DemoFixture.DAYS);
            assertThat(week.values()).containsOnly(SLOTS);
            assertThat(count(jdbi, "select count(*) from showtimes"))
                    .as("the old showtimes are kept, the new week added once")
                    .isEqualTo(original * 2);
            for (TestServer instance : started) {
                assertThat(instance.showtimes(1, today.plusDays(6))).hasSize(3 * SLOTS);
            }
            ApiClient clerk = started.getFirst().clerk();
            JsonNode order = clerk.get("/orders/" + soldOrder).json();
            assertThat(order.path("status").asText()).as("the sale is kept").isEqualTo("PAID");
            assertThat(count(
                            jdbi,
                            "select count(*) from seat_claims where showtime_id = " + soldShowtime
                                    + " and state = 'SOLD'"))
                    .isEqualTo(1);
            // and the new week sells
            sell(started.getFirst(), started.getFirst().bigHallShowtime(), "F7");
        } finally {
            started.forEach(TestServer::close);
        }

        try (TestServer again = TestServer.startOn(url, TestServer.Options.defaults())) {
            assertThat(count(jdbi, "select count(*) from showtimes"))
                    .as("a restart on a full week adds nothing")
                    .isEqualTo(original * 2);
        }
    }

    @Test
    void onlyTheMissingDaysAreAddedAndADayWithAnyShowtimeIsLeftAlone() {
        String url = TestPostgres.newDatabase("demo_partial");
        try (TestServer first = TestServer.startOn(url, TestServer.Options.defaults())) {
            first.bigHallShowtime();
        }
        Jdbi jdbi = Jdbi.create(url, "postgres", "postgres");
        LocalDate today = LocalDate.now(DemoFixture.ZONE);
        // three days later; and a manager left only one showtime in one auditorium on the last day of the week
        jdbi.useHandle(h -> h.execute("update showtimes set starts_at = starts_at - interval '3 days'"));
        long auditorium = count(jdbi, "select min(id) from auditoriums");
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format)
                        values (1, :auditorium, :at, 'IMAX')""")
                .bind("auditorium", auditorium)
                .bind(
                        "at",
                        today.plusDays(6).atTime(10, 0).atZone(DemoFixture.ZONE).toOffsetDateTime())
                .execute());

        try (TestServer again = TestServer.startOn(url, TestServer.Options.defaults())) {
            Map<String, Integer> week = perAuditoriumDay(jdbi, today);
            assertThat(week).hasSize(AUDITORIUMS * DemoFixture.DAYS);
            week.forEach((key, showtimes) -> {
                boolean managersDay = key.equals(auditorium + "@" + today.plusDays(6));
                assertThat(showtimes).as(key).isEqualTo(managersDay ? 1 : SLOTS);
            });
        }
    }

    private static List<TestServer> startTogether(String url, int instances) throws Exception {
        CyclicBarrier together = new CyclicBarrier(instances);
        List<TestServer> started = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<TestServer>> starts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starts.add(pool.submit(() -> {
                    together.await();
                    return TestServer.startOn(url, TestServer.Options.defaults());
                }));
            }
            for (Future<TestServer> start : starts) {
                try {
                    started.add(start.get());
                } catch (ExecutionException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            started.forEach(TestServer::close);
        }
        assertThat(failures).as("instances that failed to start").isEmpty();
        return started;
    }

    /** Showtimes per "auditoriumId@day" for today .. today + 6 in the demo's zone. */
    private static Map<String, Integer> perAuditoriumDay(Jdbi jdbi, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select auditorium_id || '@' || (starts_at at time zone :zone)::date as key, count(*) as n
                          from showtimes
                         where starts_at >= :from and starts_at < :to
                         group by 1""")
                .bind("zone", DemoFixture.ZONE.getId())
                .bind("from", today.atStartOfDay(DemoFixture.ZONE).toOffsetDateTime())
                .bind(
                        "to",
                        today.plusDays(DemoFixture.DAYS)
                                .atStartOfDay(DemoFixture.ZONE)
                                .toOffsetDateTime())
                .reduceRows(new java.util.TreeMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("key", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
    }

    private static int count(Jdbi jdbi, String sql) {
        Long value = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        return value.intValue();
    }

    /** A clerk sells one adult ticket for cash; the order's id. */
    private static String sell(TestServer server, long showtime, String seat) {
        ApiClient clerk = server.clerk();
        Answer hold = clerk.post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"" + seat + "\"]}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer order = clerk.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\"" + seat
                        + "\",\"type\":\"ADULT\"}]}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        long total = order.json().path("totalMinor").asLong();
        Answer paid = clerk.post(
                "/orders/" + order.json().path("orderId").asText() + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":" + total + ",\"tenderedMinor\":" + total + "}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return order.json().path("orderId").asText();
    }
}
