package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.marquee.server.testing.Bodies.holdBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.ServerProcess;
import org.marquee.server.testing.TestPostgres;

/**
 * Invariant 5 across crashes (DESIGN §10): the server process dies at each step of a card payment (before the payment
 * row, after it, after the charge, after the sale's commit, before the answer leaves), is started again on the same
 * database, and then either the customer's retry with the same Idempotency-Key or the reconciler alone finishes the
 * sale. Money is counted from the simulated card terminal's own ledger, which outlives the process: never money
 * without seats, never seats without money, never two charges.
 */
class PaymentCrashTest {

    private static final List<String> FAST = List.of("--sweep-interval", "1s", "--payment-timeout", "2s");

    @TempDir
    Path dataDir;

    private record Sale(String orderId, long totalMinor, List<String> seats) {}

    @ParameterizedTest(name = "crash {0}, then the retry with the same key finishes")
    @ValueSource(strings = {"before_intent", "after_intent", "after_charge", "after_commit", "before_answer"})
    void aCrashAtAnyStepOfAPaymentIsFinishedByTheRetryWithOneChargeAndTheSeatsSold(String point) {
        String jdbcUrl = TestPostgres.newDatabase("crash_" + point);
        Sale sale;
        try (ServerProcess first = ServerProcess.start(jdbcUrl, dataDir, List.of("-Dmarquee.crashAt=" + point), FAST)) {
            sale = sellTwoSeats(first.client("demo-kiosk-1"), jdbcUrl);
            assertThatThrownBy(() -> pay(first.client("demo-kiosk-1"), sale, "pay-" + point))
                    .as("the server died in the middle of the payment")
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(first.awaitExit(Duration.ofSeconds(20))).isEqualTo(137);
        }
        try (ServerProcess again = ServerProcess.start(jdbcUrl, dataDir, List.of(), FAST)) {
            Answer retry = pay(again.client("demo-kiosk-1"), sale, "pay-" + point);
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.json().path("status").asText()).isEqualTo("PAID");
            assertThat(retry.json().path("tickets")).hasSize(2);
            Answer once = pay(again.client("demo-kiosk-1"), sale, "pay-" + point);
            assertThat(once.body())
                    .as("a further retry replays the same answer")
                    .isEqualTo(retry.body());
            assertThat(once.header("Idempotent-Replayed")).isEqualTo("true");
        }
        Jdbi db = Jdbi.create(jdbcUrl, "postgres", "postgres");
        assertThat(orderStatus(db, sale)).isEqualTo("PAID");
        assertThat(soldSeats(db, sale)).containsExactlyInAnyOrderElementsOf(sale.seats());
        Ledger ledger = Ledger.read(dataDir);
        assertThat(ledger.kept()).as("charges kept by the card terminal").isEqualTo(sale.totalMinor());
        assertThat(ledger.charges()).as("one charge, whatever the retries").isEqualTo(1);
    }

    @Test
    void aChargeTakenJustBeforeACrashIsSoldByTheReconcilerWithoutAnyRetry() {
        String jdbcUrl = TestPostgres.newDatabase("crash_reconciler_sells");
        Sale sale;
        try (ServerProcess first =
                ServerProcess.start(jdbcUrl, dataDir, List.of("-Dmarquee.crashAt=after_charge"), FAST)) {
            sale = sellTwoSeats(first.client("demo-kiosk-1"), jdbcUrl);
            assertThatThrownBy(() -> pay(first.client("demo-kiosk-1"), sale, "pay-once"))
                    .isInstanceOf(UncheckedIOException.class);
            first.awaitExit(Duration.ofSeconds(20));
        }
        Jdbi db = Jdbi.create(jdbcUrl, "postgres", "postgres");
        assertThat(orderStatus(db, sale)).isEqualTo("PENDING_PAYMENT");
        assertThat(Ledger.read(dataDir).kept()).as("the card was charged").isEqualTo(sale.totalMinor());
        try (ServerProcess again = ServerProcess.start(jdbcUrl, dataDir, List.of(), FAST)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> orderStatus(db, sale).equals("PAID"));
            assertThat(soldSeats(db, sale)).containsExactlyInAnyOrderElementsOf(sale.seats());
            // log lines reach the file within BatchedConsoleAppender's interval, not at once
            await().atMost(Duration.ofSeconds(10)).until(() -> again.log().contains("event=payment_reconciled"));
        }
        assertThat(Ledger.read(dataDir).charges()).isEqualTo(1);
        assertThat(Ledger.read(dataDir).kept()).isEqualTo(sale.totalMinor());
    }

    @Test
    void aChargeTakenBeforeACrashWhoseHoldExpiredMeanwhileIsRefundedByTheReconciler() {
        String jdbcUrl = TestPostgres.newDatabase("crash_reconciler_refunds");
        List<String> shortHolds = List.of(
                "--sweep-interval", "1s", "--payment-timeout", "1s", "--hold-ttl", "4s", "--hold-max-total", "4s");
        Sale sale;
        try (ServerProcess first =
                ServerProcess.start(jdbcUrl, dataDir, List.of("-Dmarquee.crashAt=after_charge"), shortHolds)) {
            sale = sellTwoSeats(first.client("demo-kiosk-1"), jdbcUrl);
            assertThatThrownBy(() -> pay(first.client("demo-kiosk-1"), sale, "pay-late"))
                    .isInstanceOf(UncheckedIOException.class);
            first.awaitExit(Duration.ofSeconds(20));
        }
        Jdbi db = Jdbi.create(jdbcUrl, "postgres", "postgres");
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        try (ServerProcess again = ServerProcess.start(jdbcUrl, dataDir, List.of(), shortHolds)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Ledger.read(dataDir).kept() == 0);
            assertThat(orderStatus(db, sale)).isIn("PAYMENT_FAILED", "CANCELLED");
            assertThat(soldSeats(db, sale))
                    .as("nothing sold for a refunded charge")
                    .isEmpty();
            Answer retry = pay(again.client("demo-kiosk-1"), sale, "pay-late");
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.errorCode()).isEqualTo("HOLD_EXPIRED");
            assertThat(retry.json()
                            .path("error")
                            .path("details")
                            .path("refunded")
                            .asBoolean())
                    .isTrue();
        }
        assertThat(Ledger.read(dataDir).charges()).isEqualTo(1);
    }

    private static Sale sellTwoSeats(ApiClient kiosk, String jdbcUrl) {
        long showtime = Jdbi.create(jdbcUrl, "postgres", "postgres")
                .withHandle(h -> h.createQuery(
                                "select id from showtimes where starts_at > now() + interval '2 hours' order by id limit 1")
                        .mapTo(Long.class)
                        .one());
        Answer hold = kiosk.post("/holds", holdBody(showtime, List.of("E5", "E6")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer order = kiosk.post(
                "/orders",
                SaleFlowTest.orderBody(
                        hold.json().path("holdId").asText(), "E5", "ADULT", "E6", "ADULT", "crash@example.com"));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return new Sale(
                order.json().path("orderId").asText(),
                order.json().path("totalMinor").asLong(),
                List.of("E5", "E6"));
    }

    private static Answer pay(ApiClient kiosk, Sale sale, String key) {
        return kiosk.post(
                "/orders/" + sale.orderId() + "/payments",
                SaleFlowTest.card(sale.totalMinor(), "tok_visa"),
                "Idempotency-Key",
                key);
    }

    private static String orderStatus(Jdbi db, Sale sale) {
        return db.withHandle(h -> h.createQuery("select status from orders where id = :o")
                .bind("o", UUID.fromString(sale.orderId()))
                .mapTo(String.class)
                .one());
    }

    private static List<String> soldSeats(Jdbi db, Sale sale) {
        return db.withHandle(h -> h.createQuery("""
                        select c.seat_id from seat_claims c join orders o on o.hold_id = c.hold_id
                         where o.id = :o and c.state = 'SOLD'""")
                .bind("o", UUID.fromString(sale.orderId()))
                .mapTo(String.class)
                .list());
    }

    /** The simulated card terminal's ledger file: what it charged, and what it gave back. */
    private record Ledger(int charges, long kept) {
        static Ledger read(Path dataDir) {
            Path file = dataDir.resolve("simulated-card-terminal.log");
            if (!Files.exists(file)) {
                return new Ledger(0, 0);
            }
            try {
                int charges = 0;
                long kept = 0;
                Set<String> refunded = new HashSet<>();
                List<String> lines = Files.readAllLines(file);
                for (String line : lines) {
                    if (line.startsWith("refund ")) {
                        refunded.add(line.split(" ")[1]);
                    }
                }
                for (String line : lines) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("charge")) {
                        charges++;
                        kept += refunded.contains(parts[2]) ? 0 : Long.parseLong(parts[4]);
                    }
                }
                return new Ledger(charges, kept);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
