package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.payments.SimulatedCardTerminal;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * A manager force-releases a hold while its kiosk pays for it (DESIGN §7.3, invariant 5): either the payment wins (the
 * seats are sold and the release finds nothing to release) or the release wins (the payment fails cleanly and any
 * charge is given back). Never money without seats, never seats sold and freed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForceReleaseRaceTest {

    private static final int ROUNDS = 12;

    private TestServer server;
    private ApiClient manager;
    private long showtime;
    private SimulatedCardTerminal terminal;

    @BeforeAll
    void start() {
        server = TestServer.start("force-release-race", TestServer.Options.defaults())
                .singleSeatRule("OFF");
        manager = server.manager();
        showtime = server.bigHallShowtime();
        terminal = server.server().simulatedCardTerminal().orElseThrow();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void eitherThePaymentOrTheReleaseWinsNeverBoth() throws Exception {
        int paid = 0;
        int released = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ApiClient kiosk = server.kiosk(1 + round % 4);
            String seat = "M" + (round + 1);
            Answer hold = kiosk.post("/holds", Bodies.holdBody(showtime, List.of(seat)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            String holdId = hold.json().path("holdId").asText();
            JsonNode order = kiosk.post(
                            "/orders",
                            "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"" + seat
                                    + "\",\"type\":\"ADULT\"}]}")
                    .json();
            String orderId = order.path("orderId").asText();
            // the card terminal takes 220 down to 0 ms; the manager acts 0 up to 1.1 s after the customer taps, so
            // that early rounds find the charge under way and late ones find the seats sold
            String card = "tok_slow_" + (20 * (ROUNDS - 1 - round));
            long managerDelay = 100L * round;

            CountDownLatch go = new CountDownLatch(1);
            Future<Answer> payment;
            Future<Answer> release;
            try (var pool = Executors.newFixedThreadPool(2)) {
                payment = pool.submit(() -> {
                    go.await();
                    return kiosk.post(
                            "/orders/" + orderId + "/payments",
                            "{\"method\":\"CARD\",\"amountMinor\":"
                                    + order.path("totalMinor").asLong() + ",\"cardToken\":\"" + card + "\"}");
                });
                release = pool.submit(() -> {
                    go.await();
                    Thread.sleep(managerDelay);
                    return manager.delete("/admin/holds/" + holdId + "?reason=race");
                });
                go.countDown();
            }
            Answer paying = payment.get();
            Answer releasing = release.get();
            String what = "round " + round + ": payment " + paying.status() + " " + paying.body() + ", release "
                    + releasing.status() + " " + releasing.body();

            if (paying.status() == 200) {
                paid++;
                assertThat(releasing.status()).as(what).isEqualTo(409);
                assertThat(releasing.errorCode()).as(what).isEqualTo("HOLD_NOT_ACTIVE");
                assertThat(seat(seat)).as(what).isEqualTo("SOLD");
                assertThat(orderStatus(orderId)).as(what).isEqualTo("PAID");
            } else {
                released++;
                assertThat(releasing.status()).as(what).isEqualTo(204);
                assertThat(paying.status()).as(what).isEqualTo(409);
                assertThat(paying.errorCode()).as(what).isIn("HOLD_EXPIRED", "HOLD_NOT_ACTIVE");
                assertThat(seat(seat)).as(what).isEqualTo("AVAILABLE");
                assertThat(orderStatus(orderId)).as(what).isNotEqualTo("PAID");
                // a charge taken before the release was found is given back right after the answer
                Awaitility.await()
                        .atMost(Duration.ofSeconds(15))
                        .alias(what)
                        .until(() -> payments(orderId).stream()
                                .allMatch(p -> p.equals("DECLINED") || p.startsWith("REFUNDED")));
                for (String charge : payments(orderId)) {
                    if (charge.startsWith("REFUNDED ")) {
                        assertThat(terminal.refunded(charge.substring("REFUNDED ".length())))
                                .as(what + ": the terminal gave it back")
                                .isTrue();
                    }
                }
            }
        }
        assertThat(paid + released).isEqualTo(ROUNDS);
        assertThat(paid).as("rounds the payment won").isPositive();
        assertThat(released).as("rounds the release won").isPositive();
    }

    private String seat(String id) {
        for (JsonNode seat :
                manager.get("/showtimes/" + showtime + "/seats").json().path("seats")) {
            if (seat.path("id").asText().equals(id)) {
                return seat.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + id);
    }

    private String orderStatus(String orderId) {
        return manager.get("/orders/" + orderId).json().path("status").asText();
    }

    /** Each payment of the order as "STATUS providerRef". */
    private List<String> payments(String orderId) {
        return new ArrayList<>(server.jdbi()
                .withHandle(h -> h.createQuery("""
                                select status || coalesce(' ' || provider_ref, '') from payments
                                 where order_id = cast(:o as uuid)""")
                        .bind("o", orderId)
                        .mapTo(String.class)
                        .list()));
    }
}
