package org.marquee.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.marquee.server.auth.TokenHash;

/** What the door tests share: scanner terminals made in the database, tickets bought over the API, scans. */
public final class Doors {

    private Doors() {}

    /** A SCANNER terminal of the first theater, made as the admin API would (only its token's SHA-256 kept). */
    public static ApiClient scanner(TestServer server, String name) {
        String token = "scanner-token-" + name + "-" + UUID.randomUUID();
        server.jdbi()
                .useHandle(h -> h.createUpdate("""
                        insert into terminals (name, kind, theater_id, token_hash)
                        values (:name, 'SCANNER', 1, :hash)""")
                        .bind("name", name)
                        .bind("hash", TokenHash.of(token))
                        .execute());
        return server.client(token);
    }

    /** Buys adult tickets for the seats at a kiosk with the simulated card; the paid order as the API answers it. */
    public static JsonNode buy(TestServer server, int kiosk, long showtime, String... seats) {
        ApiClient client = server.kiosk(kiosk);
        ApiClient.Answer hold = client.post("/holds", Bodies.holdBody(showtime, List.of(seats)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        List<String> tickets = new ArrayList<>();
        for (String seat : seats) {
            tickets.add("{\"seatId\":\"" + seat + "\",\"type\":\"ADULT\"}");
        }
        JsonNode order = client.post(
                        "/orders",
                        "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":["
                                + String.join(",", tickets) + "]}")
                .json();
        String orderId = order.path("orderId").asText();
        ApiClient.Answer paid = client.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CARD\",\"amountMinor\":"
                        + order.path("totalMinor").asLong() + ",\"cardToken\":\"tok_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return client.get("/orders/" + orderId).json();
    }

    public static String token(JsonNode order, int index) {
        return order.path("tickets").get(index).path("token").asText();
    }

    public static String scan(String token, String scanId, Long showtimeId) {
        return "{\"ticketToken\":\"" + token + "\",\"scannedAt\":\"" + Instant.now() + "\",\"scanId\":\"" + scanId
                + "\"" + (showtimeId == null ? "" : ",\"showtimeId\":" + showtimeId) + "}";
    }

    public static JsonNode result(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("results").get(0);
    }

    /** Checks a token as any Ed25519 tool would: the published key, the text before the last dot, the signature. */
    public static boolean verifiesWithTheJdk(String token, JsonNode keys) throws Exception {
        String kid = token.split("\\.")[1];
        for (JsonNode key : keys) {
            if (!key.path("kid").asText().equals(kid)) {
                continue;
            }
            PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(
                            Base64.getDecoder().decode(key.path("publicKey").asText())));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            int dot = token.lastIndexOf('.');
            verifier.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(token.substring(dot + 1)));
        }
        return false;
    }
}
