package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * Many terminals buying overlapping seats at once, each step sent twice with the same Idempotency-Key as a flaky
 * network would: no seat gets two paid tickets, no order is charged twice, every paid order has its tickets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentPurchaseTest {

    private static final int TERMINALS = 24;
    private static final List<String> SEATS = List.of("H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11", "H12");

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("purchase", TestServer.Options.defaults().kiosks(TERMINALS));
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void overlappingBuyersWithRetriesNeverDoubleSellOrDoubleCharge() throws Exception {
        AtomicInteger paidAnswers = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> buyers = new ArrayList<>();
            for (int t = 1; t <= TERMINALS; t++) {
                ApiClient kiosk = server.kiosk(t);
                buyers.add(pool.submit(() -> buy(kiosk, paidAnswers, unexpected)));
            }
            for (Future<?> buyer : buyers) {
                buyer.get();
            }
        }

        assertThat(unexpected).as("answers outside the contract").isEmpty();
        assertThat(paidAnswers.get()).as("some purchases went through").isPositive();
        List<Map<String, Object>> doubleSold = server.jdbi()
                .withHandle(
                        h -> h.createQuery("""
                        select t.seat_id, count(*) from order_tickets t join orders o on o.id = t.order_id
                         where o.showtime_id = :s and o.status = 'PAID' group by t.seat_id having count(*) > 1""").bind("s", showtime).mapToMap().list());
        assertThat(doubleSold).as("seats with two paid tickets").isEmpty();
        List<Map<String, Object>> doubleCharged =
                server.jdbi().withHandle(h -> h.createQuery("""
                        select order_id, count(*) from payments where status = 'APPROVED'
                         group by order_id having count(*) > 1""").mapToMap().list());
        assertThat(doubleCharged).as("orders charged twice").isEmpty();
        int paidWithoutSoldSeats = server.jdbi()
                .withHandle(h -> h.createQuery("""
                        select count(*) from orders o join order_tickets t on t.order_id = o.id
                          left join seat_claims c on c.showtime_id = o.showtime_id and c.seat_id = t.seat_id
                                                  and c.hold_id = o.hold_id and c.state = 'SOLD'
                         where o.status = 'PAID' and c.seat_id is null""").mapTo(Integer.class).one());
        assertThat(paidWithoutSoldSeats)
                .as("tickets of paid orders whose seat is not sold to them")
                .isZero();
        int soldSeats = server.jdbi()
                .withHandle(
                        h -> h.createQuery("select count(*) from seat_claims where showtime_id = :s and state = 'SOLD'")
                                .bind("s", showtime)
                                .mapTo(Integer.class)
                                .one());
        int paidTickets = server.jdbi()
                .withHandle(h -> h.createQuery("""
                        select count(*) from order_tickets t join orders o on o.id = t.order_id
                         where o.showtime_id = :s and o.status = 'PAID'""")
                        .bind("s", showtime)
                        .mapTo(Integer.class)
                        .one());
        assertThat(soldSeats).isEqualTo(paidTickets);
    }

    private void buy(ApiClient kiosk, AtomicInteger paidAnswers, List<String> unexpected) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 6; attempt++) {
            List<String> seats = new ArrayList<>(SEATS);
            Collections.shuffle(seats, random);
            List<String> wanted = seats.subList(0, 1 + random.nextInt(2));
            Answer hold = twice(kiosk, "POST", "/holds", holdBody(showtime, wanted));
            if (hold.status() == 409) {
                continue;
            }
            expect(hold, 201, unexpected);
            String holdId = hold.json().path("holdId").asText();
            StringBuilder tickets = new StringBuilder();
            for (String seat : wanted) {
                tickets.append(tickets.isEmpty() ? "" : ",")
                        .append("{\"seatId\":\"")
                        .append(seat)
                        .append("\",\"type\":\"ADULT\"}");
            }
            Answer order =
                    twice(kiosk, "POST", "/orders", "{\"holdId\":\"" + holdId + "\",\"tickets\":[" + tickets + "]}");
            expect(order, 201, unexpected);
            long total = order.json().path("totalMinor").asLong();
            Answer paid = twice(
                    kiosk,
                    "POST",
                    "/orders/" + order.json().path("orderId").asText() + "/payments",
                    card(total, "tok_visa"));
            expect(paid, 200, unexpected);
            if (paid.status() == 200) {
                paidAnswers.incrementAndGet();
            }
        }
    }

    /** Sends a request, then sends it again with the same key as a client that never saw the first answer. */
    private static Answer twice(ApiClient client, String method, String path, String body) {
        String key = UUID.randomUUID().toString();
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Answer first = client.send(method, path, bytes, "Idempotency-Key", key);
        Answer retry = client.send(method, path, bytes, "Idempotency-Key", key);
        // a busy or failing server changed nothing: the contract is that the retry then runs again
        boolean firstChangedNothing = first.status() == 429 || first.status() >= 500;
        if (!firstChangedNothing
                && (retry.status() != first.status() || !retry.body().equals(first.body()))) {
            throw new AssertionError("A retry answered differently: " + first.body() + " then " + retry.body());
        }
        return retry;
    }

    private static void expect(Answer answer, int status, List<String> unexpected) {
        if (answer.status() != status) {
            unexpected.add(answer.status() + " " + answer.body());
        }
    }
}
