package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.orders.SaleFlowTest.card;
import static org.marquee.server.orders.SaleFlowTest.orderBody;
import static org.marquee.server.testing.Bodies.holdBody;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** Providers that confirm a charge later, through the signed webhook; a late success for a lost hold is refunded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTest {

    private TestServer server;
    private long showtime;
    private WebhookSignature signature;

    @BeforeAll
    void start() {
        server = TestServer.start("webhook", TestServer.Options.defaults());
        showtime = server.bigHallShowtime();
        String secret = server.jdbi()
                .withHandle(h -> h.createQuery("select value from server_settings where key = 'secret.payment-webhook'")
                        .mapTo(String.class)
                        .one());
        signature = new WebhookSignature(Base64.getDecoder().decode(secret));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aPendingChargeConfirmedLaterSellsTheSeatsOnce() {
        String orderId = pendingOrder(server.kiosk(1), "P10");
        String ref = providerRef(orderId);

        assertThat(webhook("{\"providerRef\":\"" + ref + "\",\"status\":\"SUCCEEDED\"}", "sha256=00")
                        .status())
                .as("a wrong signature")
                .isEqualTo(401);
        assertThat(server.client(null).post("/payments/webhook", "{}").status())
                .as("no signature")
                .isEqualTo(401);
        String event = "{\"providerRef\":\"" + ref + "\",\"status\":\"SUCCEEDED\"}";

        Answer first = signed(event);
        Answer again = signed(event);

        assertThat(first.json().path("result").asText()).isEqualTo("PAID");
        assertThat(again.json().path("result").asText())
                .as("a provider's retry changes nothing")
                .isEqualTo("IGNORED");
        assertThat(server.kiosk(1)
                        .get("/orders/" + orderId)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAID");
        assertThat(statuses(orderId)).containsExactly("APPROVED");
    }

    @Test
    void aLateSuccessForAHoldThatExpiredIsRefunded() {
        String orderId = pendingOrder(server.kiosk(2), "P11");
        server.jdbi().useHandle(h -> h.createUpdate("""
                        update holds set expires_at = now() - interval '1 second', created_at = now() - interval '9 minutes'
                         where id = (select hold_id from orders where id = cast(:o as uuid))""").bind("o", orderId).execute());
        server.jdbi().useHandle(h -> h.createUpdate("""
                        update seat_claims set expires_at = now() - interval '1 second'
                         where hold_id = (select hold_id from orders where id = cast(:o as uuid))""").bind("o", orderId).execute());
        assertThat(server.kiosk(3)
                        .post("/holds", holdBody(showtime, List.of("P11")))
                        .status())
                .isEqualTo(201);

        Answer late = signed("{\"providerRef\":\"" + providerRef(orderId) + "\",\"status\":\"SUCCEEDED\"}");

        assertThat(late.json().path("result").asText()).isEqualTo("REFUNDED");
        assertThat(statuses(orderId)).containsExactly("REFUNDED");
        assertThat(server.kiosk(2)
                        .get("/orders/" + orderId)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAYMENT_FAILED");
    }

    @Test
    void aFailedChargeLeavesTheOrderUnpaid() {
        String orderId = pendingOrder(server.kiosk(4), "P12");

        Answer failed = signed("{\"providerRef\":\"" + providerRef(orderId) + "\",\"status\":\"FAILED\"}");

        assertThat(failed.json().path("result").asText()).isEqualTo("DECLINED");
        assertThat(statuses(orderId)).containsExactly("DECLINED");
        assertThat(signed("{\"providerRef\":\"x\",\"status\":\"MAYBE\"}").status())
                .isEqualTo(422);
    }

    private String pendingOrder(ApiClient kiosk, String seat) {
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of(seat)))
                .json()
                .path("holdId")
                .asText();
        String orderId = kiosk.post("/orders", orderBody(holdId, seat, "ADULT", null, null, null))
                .json()
                .path("orderId")
                .asText();
        Answer pending = kiosk.post("/orders/" + orderId + "/payments", card(1250, "tok_pending"));
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
        return orderId;
    }

    private Answer signed(String event) {
        return webhook(event, signature.sign(event.getBytes(StandardCharsets.UTF_8)));
    }

    private Answer webhook(String event, String header) {
        return server.client(null).post("/payments/webhook", event, WebhookSignature.HEADER, header);
    }

    private String providerRef(String orderId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select provider_ref from payments where order_id = cast(:o as uuid)")
                        .bind("o", orderId)
                        .mapTo(String.class)
                        .one());
    }

    private List<String> statuses(String orderId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery(
                                "select status from payments where order_id = cast(:o as uuid) order by created_at")
                        .bind("o", orderId)
                        .mapTo(String.class)
                        .list());
    }
}
