package org.marquee.server.shifts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.model.CashShift;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * A cash sale counted into the clerk's drawer while the clerk closes it (DESIGN §7.3), on real PostgreSQL: the count
 * found the open shift and is about to write its move when the close runs. The close must count it, or the move must go
 * to the next shift; it must never land in the shift after the close, where the counted drawer's figures (expected
 * cash, variance) would change after the fact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountWhileClosingTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("count-while-closing", TestServer.Options.defaults());
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSaleCountedWhileTheDrawerClosesNeverChangesTheClosedShift() throws Exception {
        ApiClient clerk = server.clerk();
        assertThat(clerk.post("/shifts", "{\"floatMinor\":5000}").status()).isEqualTo(201);
        long first = sell(clerk, "K1", "K2", "count-1");
        UUID late = UUID.fromString(order(clerk, "K3", "K4"));
        long second = pay(clerk, late, "count-2");
        long staff = number("select id from staff where username = 'alice'");
        long terminal = number("select terminal_id from cash_shifts where closed_at is null and staff_id = " + staff);
        // the second sale's count still on its way: its move is written again below, by the store itself
        server.jdbi()
                .useHandle(h -> h.createUpdate(
                                "delete from cash_moves where payment_id in (select id from payments where order_id = :o)")
                        .bind("o", late)
                        .execute());
        ShiftStore store = new ShiftStore(server.jdbi());

        CashShift closed;
        try (Handle gate = server.jdbi().open();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            gate.begin();
            // the count finds the open shift, then waits here to write its move
            gate.execute("lock table cash_moves in share mode");
            Future<?> counting = pool.submit(() -> store.countSale(staff, terminal, late));
            awaitLockWait("insert into cash_moves");
            Future<Optional<CashShift>> closing = pool.submit(() -> store.close(staff, terminal, 5000 + first));
            // the close either waits for the count or, wrongly, ends without it
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!closing.isDone() && !lockWaiting("from cash_shifts") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            gate.rollback();
            counting.get(20, TimeUnit.SECONDS);
            closed = closing.get(20, TimeUnit.SECONDS).orElseThrow();
        }

        long salesInShift =
                number("select coalesce(sum(amount_minor), 0) from cash_moves where kind = 'SALE' and shift_id = "
                        + closed.shiftId());
        assertThat(salesInShift)
                .as("the closed shift's cash sales as the report sums them later")
                .isEqualTo(closed.cashSalesMinor());
        assertThat(closed.cashSalesMinor())
                .as("the close waited for the sale being counted and counted it")
                .isEqualTo(first + second);
        assertThat(closed.varianceMinor()).isEqualTo(-second);
    }

    private long sell(ApiClient clerk, String firstSeat, String secondSeat, String key) {
        return pay(clerk, UUID.fromString(order(clerk, firstSeat, secondSeat)), key);
    }

    private String order(ApiClient clerk, String firstSeat, String secondSeat) {
        Answer hold = clerk.post("/holds", Bodies.holdBody(showtime, List.of(firstSeat, secondSeat)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer order = clerk.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\""
                        + firstSeat + "\",\"type\":\"ADULT\"},{\"seatId\":\"" + secondSeat
                        + "\",\"type\":\"ADULT\"}]}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().path("orderId").asText();
    }

    /** Pays the order in cash, exactly; gives its total. */
    private long pay(ApiClient clerk, UUID orderId, String key) {
        long total = clerk.get("/orders/" + orderId).json().path("totalMinor").asLong();
        Answer paid = clerk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":" + total + ",\"tenderedMinor\":" + total + "}",
                "Idempotency-Key",
                key);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return total;
    }

    private long number(String sql) {
        return server.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private boolean lockWaiting(String statement) {
        return number("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query like '%" + statement + "%'")
                > 0;
    }

    private void awaitLockWait(String statement) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!lockWaiting(statement)) {
            assertThat(System.nanoTime()).as("waiting for: " + statement).isLessThan(until);
            Thread.sleep(20);
        }
    }
}
