package org.marquee.server.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Eight clerks, each at a counter terminal of their own, sell for cash all at once (DESIGN §7.3): every drawer counts
 * exactly its clerk's sales, and the day's cash report agrees with each drawer, to the cent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EightClerksTest {

    private static final int CLERKS = 8;
    private static final int SALES_EACH = 3;

    private TestServer server;
    private ApiClient manager;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("eight-clerks", TestServer.Options.defaults());
        manager = server.manager();
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void eachDrawerCountsItsOwnClerksCashSalesUnderLoad() throws Exception {
        List<String> seats = freeSeats();
        List<ApiClient> clerks = new ArrayList<>();
        for (int i = 0; i < CLERKS; i++) {
            clerks.add(clerkAtOwnCounter(i));
        }
        for (int i = 0; i < CLERKS; i++) {
            Answer opened = clerks.get(i).post("/shifts", "{\"floatMinor\":" + floatOf(i) + "}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> takings = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(CLERKS)) {
            for (int i = 0; i < CLERKS; i++) {
                ApiClient clerk = clerks.get(i);
                List<String> mine = seats.subList(i * SALES_EACH, (i + 1) * SALES_EACH);
                takings.add(pool.submit(() -> {
                    go.await();
                    long taken = 0;
                    for (String seat : mine) {
                        JsonNode order = AdminApi.sell(clerk, showtime, List.of(seat), null, "cash");
                        taken += order.path("totalMinor").asLong();
                    }
                    return taken;
                }));
            }
            go.countDown();
        }

        Map<Long, Long> expectedByShift = new HashMap<>();
        for (int i = 0; i < CLERKS; i++) {
            long taken = takings.get(i).get();
            assertThat(taken).isPositive();
            JsonNode drawer = clerks.get(i).get("/shifts/current").json();
            assertThat(drawer.path("cashSalesMinor").asLong())
                    .as("clerk %d's sales", i)
                    .isEqualTo(taken);
            assertThat(drawer.path("cashRefundsMinor").asLong()).isZero();
            assertThat(drawer.path("expectedCashMinor").asLong()).isEqualTo(floatOf(i) + taken);
            expectedByShift.put(drawer.path("shiftId").asLong(), floatOf(i) + taken);
        }

        JsonNode day = manager.get("/admin/reports/cash?theaterId=1&date=" + LocalDate.now(DemoFixture.ZONE))
                .json();
        Map<Long, Long> reported = new HashMap<>();
        for (JsonNode shift : day) {
            if (expectedByShift.containsKey(shift.path("shiftId").asLong())) {
                reported.put(
                        shift.path("shiftId").asLong(),
                        shift.path("expectedCashMinor").asLong());
            }
        }
        assertThat(reported).as("the cash report, drawer by drawer").isEqualTo(expectedByShift);

        for (int i = 0; i < CLERKS; i++) {
            long expected = clerks.get(i)
                    .get("/shifts/current")
                    .json()
                    .path("expectedCashMinor")
                    .asLong();
            Answer closed = clerks.get(i).post("/shifts/current/close", "{\"countedCashMinor\":" + expected + "}");
            assertThat(closed.json().path("varianceMinor").asLong())
                    .as("clerk %d balances", i)
                    .isZero();
        }
    }

    private static long floatOf(int clerk) {
        return 5000L + 100L * clerk;
    }

    /** A new clerk signed in at a new counter terminal of theater 1 (a terminal holds one hold at a time). */
    private ApiClient clerkAtOwnCounter(int number) {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Answer terminal = manager.post(
                "/admin/terminals",
                "{\"name\":\"counter-" + number + "-" + unique + "\",\"kind\":\"COUNTER\",\"theaterId\":1}");
        assertThat(terminal.status()).as(terminal.body()).isEqualTo(201);
        Answer staff = manager.post(
                "/admin/staff",
                "{\"username\":\"clerk" + number + unique + "\",\"displayName\":\"Clerk " + number
                        + "\",\"role\":\"CLERK\",\"pin\":\"4821\"}");
        assertThat(staff.status()).as(staff.body()).isEqualTo(201);
        Answer session = server.client(terminal.json().path("token").asText())
                .post("/sessions", "{\"username\":\"clerk" + number + unique + "\",\"pin\":\"4821\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return server.client(session.json().path("token").asText());
    }

    private List<String> freeSeats() {
        List<String> seats = new ArrayList<>();
        manager.get("/showtimes/" + showtime + "/seats").json().path("seats").forEach(seat -> {
            if (seat.path("status").asText().equals("AVAILABLE")
                    && seat.path("type").asText().equals("STANDARD")) {
                seats.add(seat.path("id").asText());
            }
        });
        assertThat(seats.size()).isGreaterThanOrEqualTo(CLERKS * SALES_EACH);
        return seats;
    }
}
