package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.marquee.server.auth.TokenHash;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * The callers of the authorization matrix and real resources for them: holds and orders that belong to the caller's
 * own terminal, so that an allowed call reaches a real resource rather than a 404.
 */
final class AccessFixture {

    /** Who calls. CLERK and MANAGER are staff sessions on the demo counter terminal, so they share its holds. */
    enum Caller {
        NONE,
        WRONG,
        REVOKED,
        KIOSK,
        COUNTER,
        CLERK,
        MANAGER
    }

    private final TestServer server;
    private final long showtime;
    private final Iterator<String> freeSeats;
    private final String revokedToken;
    private final String clerkToken;
    private final String managerToken;
    private final WebhookSignature webhook;

    AccessFixture(TestServer server) {
        this.server = server;
        this.showtime = server.bigHallShowtime();
        List<String> seats = new ArrayList<>();
        server.kiosk(1)
                .get("/showtimes/" + showtime + "/seats")
                .json()
                .path("seats")
                .forEach(seat -> {
                    // wheelchair spaces and companion seats are kept for accessible holds (DESIGN §8)
                    if (seat.path("status").asText().equals("AVAILABLE")
                            && List.of("STANDARD", "PREMIUM")
                                    .contains(seat.path("type").asText())) {
                        seats.add(seat.path("id").asText());
                    }
                });
        this.freeSeats = seats.iterator();
        this.revokedToken = revokedKiosk();
        this.clerkToken = signIn("alice", "1234");
        this.managerToken = signIn("morgan", "9999");
        this.webhook = new WebhookSignature(Base64.getDecoder().decode(setting("secret.payment-webhook")));
    }

    /**
     * A kiosk whose token is revoked before its first use: the authenticator caches verified tokens for up to 10 s,
     * and a token it has never seen is looked up afresh.
     */
    private String revokedKiosk() {
        String token = "revoked-kiosk-" + UUID.randomUUID();
        server.jdbi().useHandle(handle -> {
            handle.createUpdate("insert into terminals (name, kind, theater_id, token_hash)"
                            + " values ('revoked-kiosk', 'KIOSK', 1, :hash)")
                    .bind("hash", TokenHash.of(token))
                    .execute();
            handle.execute("update terminals set revoked_at = now() where name = 'revoked-kiosk'");
        });
        return token;
    }

    /** A terminal of its own, for a row that revokes or rotates one: the callers' own tokens must stay valid. */
    long spareTerminal() {
        String name = "spare-" + UUID.randomUUID();
        return server.jdbi()
                .withHandle(handle -> handle.createQuery("insert into terminals (name, kind, theater_id,"
                                + " token_hash) values (:name, 'KIOSK', 1, :hash) returning id")
                        .bind("name", name)
                        .bind("hash", TokenHash.of(name))
                        .mapTo(Long.class)
                        .one());
    }

    /** A clerk of its own, for a row that changes one: alice and morgan must stay as they are. */
    long spareStaff() {
        return server.jdbi()
                .withHandle(handle -> handle.createQuery("insert into staff (username, display_name, role,"
                                + " pin_hash) values (:name, 'Spare', 'CLERK', 'not-a-hash') returning id")
                        .bind("name", "spare-" + UUID.randomUUID())
                        .mapTo(Long.class)
                        .one());
    }

    long showtime() {
        return showtime;
    }

    String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case WRONG -> "not-a-token-" + UUID.randomUUID();
            case REVOKED -> revokedToken;
            case KIOSK -> "demo-kiosk-1";
            case COUNTER -> "demo-counter-1";
            case CLERK -> clerkToken;
            case MANAGER -> managerToken;
        };
    }

    ApiClient client(Caller caller) {
        return server.client(token(caller));
    }

    /** A staff session of its own, for a call that ends the session it is made with. */
    String freshSession(Caller caller) {
        return caller == Caller.MANAGER ? signIn("morgan", "9999") : signIn("alice", "1234");
    }

    /** Who holds seats for this caller's terminal; callers without a valid token get the kiosk's resources. */
    private ApiClient holder(Caller caller) {
        return switch (caller) {
            case COUNTER, CLERK, MANAGER -> client(caller);
            default -> client(Caller.KIOSK);
        };
    }

    /** Who sells for this caller's terminal: a counter terminal sells only with a clerk signed in. */
    private ApiClient seller(Caller caller) {
        return switch (caller) {
            case COUNTER, CLERK -> client(Caller.CLERK);
            case MANAGER -> client(Caller.MANAGER);
            default -> client(Caller.KIOSK);
        };
    }

    String seat() {
        return freeSeats.next();
    }

    /** A new active hold of one seat on the caller's terminal: its id. */
    String hold(Caller caller) {
        return hold(holder(caller), seat());
    }

    private String hold(ApiClient client, String seat) {
        Answer answer = client.post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    /** The body of POST /orders for a new hold of the caller's terminal. */
    String orderBody(Caller caller) {
        String seat = seat();
        String holdId = hold(seller(caller), seat);
        return "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"" + seat + "\",\"type\":\"ADULT\"}]}";
    }

    /** A new unpaid order of the caller's terminal. */
    JsonNode order(Caller caller) {
        Answer answer = seller(caller).post("/orders", orderBody(caller));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    /** A new paid order of the caller's terminal: its id. */
    String paidOrder(Caller caller) {
        JsonNode order = order(caller);
        String id = order.path("orderId").asText();
        Answer paid = seller(caller).post("/orders/" + id + "/payments", payment(caller, order));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return id;
    }

    /**
     * A card refund the provider refused (DESIGN §7.3): a kiosk's {@code tok_refund_fails} sale that the manager
     * refunds; the payment's id, as {@code GET /admin/refunds/failed} lists it.
     */
    String failedRefund() {
        ApiClient kiosk = client(Caller.KIOSK);
        Answer order = kiosk.post("/orders", orderBody(Caller.KIOSK));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String id = order.json().path("orderId").asText();
        long total = order.json().path("totalMinor").asLong();
        Answer paid = kiosk.post(
                "/orders/" + id + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":" + total + ",\"cardToken\":\"tok_refund_fails\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        ApiClient manager = client(Caller.MANAGER);
        assertThat(manager.post("/orders/" + id + "/refund", null).status()).isEqualTo(200);
        for (JsonNode failed : manager.get("/admin/refunds/failed").json()) {
            if (failed.path("orderId").asText().equals(id)) {
                return failed.path("paymentId").asText();
            }
        }
        throw new AssertionError("the refused refund of " + id + " is not listed");
    }

    /** How this caller pays: staff in cash, everyone else by card (kiosks take cards only). */
    static String payment(Caller caller, JsonNode order) {
        long total = order.path("totalMinor").asLong();
        return caller == Caller.CLERK || caller == Caller.MANAGER || caller == Caller.COUNTER
                ? "{\"method\":\"CASH\",\"amountMinor\":" + total + ",\"tenderedMinor\":" + total + "}"
                : "{\"method\":\"CARD\",\"amountMinor\":" + total + ",\"cardToken\":\"tok_visa\"}";
    }

    /** The signature header value of a webhook body. */
    String sign(String body) {
        return webhook.sign(body.getBytes(StandardCharsets.UTF_8));
    }

    private String signIn(String user, String pin) {
        Answer answer = server.counter().post("/sessions", "{\"username\":\"" + user + "\",\"pin\":\"" + pin + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("token").asText();
    }

    private String setting(String key) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select value from server_settings where key = :key")
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }
}
