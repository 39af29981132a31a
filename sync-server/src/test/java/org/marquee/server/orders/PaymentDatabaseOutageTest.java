package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.server.MarqueeServer;
import org.marquee.server.ServerConfig;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.db.DatabaseTimeouts;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;

/**
 * Issue 9, finding 1, as an operator saw it: an external PostgreSQL stops (as a crash) one second into a card payment
 * whose terminal approves after three, and starts again six seconds in. The card was charged while the database was
 * away: the answer is 503 DATABASE_UNAVAILABLE within the promised 5 s (it was 429 after 7 s, with the charge neither
 * recorded nor refunded), the payment stays on record as STARTED, and the retry with the same Idempotency-Key once
 * the database is back sells the seats with the one charge already taken.
 */
class PaymentDatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void aCardChargedWhileTheDatabaseIsAwayIsRecordedAndFinishedByTheRetryWithOneCharge() throws Exception {
        FaultTests.assumePostgres15();
        Path ledger = dataDir.resolve("simulated-card-terminal.log");
        try (ExternalPostgres postgres = ExternalPostgres.start()) {
            var config = new ServerConfig(
                    "127.0.0.1",
                    0,
                    // production timeouts: the demo fixture's long transaction outlives the fault tests' short ones
                    new DatabaseSettings(
                            postgres.urlWithCredentials(), null, null, dataDir, 4, DatabaseTimeouts.DEFAULTS),
                    true,
                    4,
                    HoldPolicy.of(Duration.ofMinutes(8), Duration.ofMinutes(20)),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(10),
                    null,
                    ServerConfig.SSE_HEARTBEAT,
                    ServerConfig.CardTerminal.SIMULATED,
                    ledger);
            Jdbi db = Jdbi.create(postgres.urlWithCredentials());
            try (MarqueeServer server = MarqueeServer.start(config)) {
                ApiClient kiosk = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), "demo-kiosk-1");
                long showtime = db.withHandle(h -> h.createQuery(
                                "select id from showtimes where starts_at > now() + interval '2 hours' order by id limit 1")
                        .mapTo(Long.class)
                        .one());
                String holdId = kiosk.post("/holds", holdBody(showtime, List.of("D4", "D5")))
                        .json()
                        .path("holdId")
                        .asText();
                Answer order = kiosk.post("/orders", orderBody(holdId, "D4", "ADULT", "D5", "ADULT", null));
                String orderId = order.json().path("orderId").asText();
                long total = order.json().path("totalMinor").asLong();
                String payment = card(total, "tok_slow_3000");

                long started = System.nanoTime();
                CompletableFuture<Answer> paying = CompletableFuture.supplyAsync(
                        () -> kiosk.post("/orders/" + orderId + "/payments", payment, "Idempotency-Key", "outage-1"));
                Thread.sleep(1_000);
                postgres.kill();
                Answer during = paying.get();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(during.status()).as(during.body()).isEqualTo(503);
                assertThat(during.errorCode()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(during.header("Retry-After")).isNotBlank();
                assertThat(took)
                        .as("the charge took 3 s; the answer came at most 5 s after that")
                        .isLessThan(Duration.ofSeconds(8));
                assertThat(Files.readAllLines(ledger))
                        .as("the card terminal took the money")
                        .hasSize(1)
                        .allMatch(line -> line.startsWith("charge "));

                Thread.sleep(Math.max(
                        0, 6_000 - Duration.ofNanos(System.nanoTime() - started).toMillis()));
                postgres.startAgain();
                List<String> recorded =
                        db.withHandle(h -> h.createQuery("select status from payments where order_id = :o")
                                .bind("o", UUID.fromString(orderId))
                                .mapTo(String.class)
                                .list());
                assertThat(recorded)
                        .as("the payment was on record before the charge")
                        .containsAnyOf("STARTED", "APPROVED");

                Answer retry = retryUntilAnswered(kiosk, orderId, payment);
                assertThat(retry.status()).as(retry.body()).isEqualTo(200);
                assertThat(retry.json().path("status").asText()).isEqualTo("PAID");
                assertThat(retry.json().path("tickets")).hasSize(2);
            }
            String orderStatus = db.withHandle(h -> h.createQuery("select status from orders where id = :o")
                    .bind("o", UUID.fromString(order(db)))
                    .mapTo(String.class)
                    .one());
            assertThat(orderStatus).isEqualTo("PAID");
            List<String> payments = db.withHandle(h -> h.createQuery("select status from payments")
                    .mapTo(String.class)
                    .list());
            assertThat(payments).containsExactly("APPROVED");
            assertThat(Files.readAllLines(ledger))
                    .as("still one charge: the retry reused the first one's provider key")
                    .hasSize(1);
        }
    }

    /** The database may take a moment to accept connections again: 503s until then are the contract. */
    private static Answer retryUntilAnswered(ApiClient kiosk, String orderId, String payment) throws Exception {
        Answer answer = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            answer = kiosk.post("/orders/" + orderId + "/payments", payment, "Idempotency-Key", "outage-1");
            if (answer.status() != 503) {
                return answer;
            }
            Thread.sleep(500);
        }
        return answer;
    }

    private static String order(Jdbi db) {
        return db.withHandle(h ->
                h.createQuery("select id::text from orders").mapTo(String.class).one());
    }
}
