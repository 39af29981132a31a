package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Invariant 7: no card number, CVV or track data is ever stored or logged. Every way a client might send one is
 * refused with 422, and afterwards neither any table nor any log line holds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardDataTest {

    private static final String PAN = "4111111111111111";
    private static final String SPACED = "4111 1111 1111 1111";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private TestServer server;
    private long showtime;
    private String holdId;

    @BeforeAll
    void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) LoggerFactory.getLogger("org.marquee.server.request")).setLevel(ch.qos.logback.classic.Level.INFO);
        logs.start();
        root.addAppender(logs);
        server = TestServer.start("carddata", TestServer.Options.defaults());
        showtime = server.bigHallShowtime();
        holdId = server.kiosk(1)
                .post("/holds", holdBody(showtime, List.of("P1")))
                .json()
                .path("holdId")
                .asText();
    }

    @AfterAll
    void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    Stream<Object[]> attempts() {
        return Stream.of(
                new Object[] {
                    "a card number as the e-mail",
                    "POST",
                    "/orders",
                    orderBody("HOLD", "P1", "ADULT", null, null, PAN + "@x.io")
                },
                new Object[] {"a spaced card number in a seat id", "POST", "/holds", holdBody(1, List.of(SPACED))},
                new Object[] {"a card number as the card token", "POST", "/orders/ORDER/payments", card(1250, PAN)},
                new Object[] {
                    "a dashed card number", "POST", "/orders/ORDER/payments", card(1250, "4111-1111-1111-1111")
                },
                new Object[] {
                    "a cvv field",
                    "POST",
                    "/orders/ORDER/payments",
                    "{\"method\":\"CARD\",\"amountMinor\":1250,\"cardToken\":\"tok_visa\",\"cvv\":\"123\"}"
                },
                new Object[] {
                    "a cardNumber field", "POST", "/orders/ORDER/payments", "{\"method\":\"CARD\",\"cardNumber\":\"x\"}"
                },
                new Object[] {"track data", "POST", "/orders/ORDER/payments", "{\"track2\":\";" + PAN + "=2512\"}"},
                new Object[] {"a card number in the path", "GET", "/orders/" + PAN, ""},
                new Object[] {"a card number in the query", "GET", "/orders/ABCDEF?email=" + PAN, ""},
                new Object[] {
                    "a card number as a username",
                    "POST",
                    "/sessions",
                    "{\"username\":\"" + PAN + "\",\"pin\":\"1234\"}"
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isRefusedWithAClearMessage(String what, String method, String path, String body) {
        String orderId = orderId();
        String realPath = path.replace("ORDER", orderId);
        String realBody = body.replace("HOLD", holdId);
        ApiClient client = path.startsWith("/sessions") ? server.counter() : server.kiosk(1);

        Answer answer = client.send(method, realPath, realBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("error").path("message").asText()).contains("never accepted");
        assertThat(answer.body()).doesNotContain(PAN).doesNotContain("4111");
    }

    @Test
    void noTableAndNoLogLineHoldsTheCardNumberAfterwards() {
        attempts().forEach(a -> isRefusedWithAClearMessage((String) a[0], (String) a[1], (String) a[2], (String) a[3]));
        ApiClient kiosk = server.kiosk(1);
        assertThat(kiosk.post("/orders/" + orderId() + "/payments", card(1250, "tok_visa"))
                        .status())
                .isEqualTo(200);

        List<String> tables = server.jdbi()
                .withHandle(h -> h.createQuery("select tablename from pg_tables where schemaname = 'public'")
                        .mapTo(String.class)
                        .list());
        for (String table : tables) {
            List<String> rows = server.jdbi()
                    .withHandle(h -> h.createQuery("select row_to_json(t)::text from \"" + table + "\" t")
                            .mapTo(String.class)
                            .list());
            assertThat(rows)
                    .as("rows of %s", table)
                    .noneMatch(row -> row.replaceAll("[ -]", "").contains(PAN));
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.replaceAll("[ -]", "").contains("411111111111"));
        List<String> lastFour = server.jdbi()
                .withHandle(h -> h.createQuery("select card_last4 from payments")
                        .mapTo(String.class)
                        .list());
        assertThat(lastFour).containsOnly("4242");
    }

    private String orderId;

    private String orderId() {
        if (orderId == null) {
            orderId = server.kiosk(1)
                    .post("/orders", orderBody(holdId, "P1", "ADULT", null, null, null))
                    .json()
                    .path("orderId")
                    .asText();
        }
        return orderId;
    }
}
