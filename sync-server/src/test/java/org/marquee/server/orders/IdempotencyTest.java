package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** Invariant 6: a retry with the same Idempotency-Key gets the first answer and changes nothing more. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("idempotency", TestServer.Options.defaults().kiosks(4));
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aRetriedHoldGetsTheFirstAnswerAndCreatesNoSecondHold() {
        ApiClient kiosk = server.kiosk(1);
        Answer first = kiosk.post("/holds", holdBody(showtime, List.of("C1")), "Idempotency-Key", "hold-1");
        Answer retry = kiosk.post("/holds", holdBody(showtime, List.of("C1")), "Idempotency-Key", "hold-1");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(holdsOf("demo-kiosk-1")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        ApiClient kiosk = server.kiosk(2);
        kiosk.post("/holds", holdBody(showtime, List.of("C3")), "Idempotency-Key", "k-2");

        Answer other = kiosk.post("/holds", holdBody(showtime, List.of("C4")), "Idempotency-Key", "k-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("error").path("message").asText()).contains("different request");
        assertThat(kiosk.post("/holds", holdBody(showtime, List.of("C4")), "Idempotency-Key", "")
                        .status())
                .as("an empty key")
                .isEqualTo(400);
    }

    @Test
    void keysBelongToTheirTerminal() {
        Answer mine = server.kiosk(3).post("/holds", holdBody(showtime, List.of("C5")), "Idempotency-Key", "shared");
        Answer theirs = server.kiosk(4).post("/holds", holdBody(showtime, List.of("C6")), "Idempotency-Key", "shared");

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("holdId").asText())
                .isNotEqualTo(mine.json().path("holdId").asText());
    }

    @Test
    void aPaymentSentEightTimesAtOnceWithOneKeyChargesOnce() throws Exception {
        ApiClient kiosk = server.kiosk(1);
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("C9", "C10")))
                .json()
                .path("holdId")
                .asText();
        String orderId = kiosk.post("/orders", orderBody(holdId, "C9", "ADULT", "C10", "CHILD", null))
                .json()
                .path("orderId")
                .asText();

        CyclicBarrier together = new CyclicBarrier(8);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> {
                    together.await();
                    answers.add(kiosk.post(
                            "/orders/" + orderId + "/payments",
                            card(2200, "tok_slow_300"),
                            "Idempotency-Key",
                            "pay-1"));
                    return null;
                });
            }
        }
        Answer later =
                kiosk.post("/orders/" + orderId + "/payments", card(2200, "tok_slow_300"), "Idempotency-Key", "pay-1");

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 409));
        List<Answer> paid = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(paid).isNotEmpty();
        answers.stream()
                .filter(a -> a.status() == 409)
                .forEach(a -> assertThat(a.json().path("error").path("message").asText())
                        .contains("still being processed"));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).isEqualTo(paid.getFirst().body());
        int charges = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from payments where order_id = cast(:o as uuid)")
                        .bind("o", orderId)
                        .mapTo(Integer.class)
                        .one());
        assertThat(charges).as("one charge").isEqualTo(1);
    }

    @Test
    void aRetriedReleaseAndARetriedCancelChangeNothingMore() {
        ApiClient kiosk = server.kiosk(2);
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("C12")))
                .json()
                .path("holdId")
                .asText();
        assertThat(kiosk.delete("/holds/" + holdId, "Idempotency-Key", "del-1").status())
                .isEqualTo(204);
        server.kiosk(3).post("/holds", holdBody(showtime, List.of("C12")));

        Answer retry = kiosk.delete("/holds/" + holdId, "Idempotency-Key", "del-1");

        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(server.kiosk(4)
                        .post("/holds", holdBody(showtime, List.of("C12")))
                        .status())
                .as("the other terminal's hold on C12 is untouched")
                .isEqualTo(409);
    }

    private int holdsOf(String terminal) {
        return server.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from holds h join terminals t on t.id = h.terminal_id where t.name = :t")
                        .bind("t", terminal)
                        .mapTo(Integer.class)
                        .one());
    }
}
