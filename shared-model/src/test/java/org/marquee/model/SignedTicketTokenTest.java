package org.marquee.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** MQT2 tokens against the JDK's Ed25519 and against vectors made once with OpenSSL (test resources). */
class SignedTicketTokenTest {

    private static final SignedTicketToken.Claims VECTOR_CLAIMS = new SignedTicketToken.Claims(
            4711, "K7QXPA", 42, "F7", TicketType.ADULT, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aTokenSignedByOpensslVerifiesWithItsPublicKey() throws Exception {
        String token = resource("token.txt").strip();
        PublicKey openssl = SignedTicketToken.publicKey(pemBody(resource("public.pem")));

        Optional<SignedTicketToken.Claims> claims = SignedTicketToken.verify(
                token, kid -> kid.equals("test-2026") ? Optional.of(openssl) : Optional.empty());

        assertThat(claims).contains(VECTOR_CLAIMS);
    }

    @Test
    void signingWithOpensslsPrivateKeyGivesOpensslsTokenByteForByte() throws Exception {
        // Ed25519 is deterministic: the same key and text give the same signature in every implementation
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pemBody(resource("private.pem")))));

        assertThat(SignedTicketToken.sign(VECTOR_CLAIMS, "test-2026", key))
                .isEqualTo(resource("token.txt").strip());
    }

    @Test
    void theTokenHasTheContractsShape() throws Exception {
        KeyPair pair = pair();
        String token = SignedTicketToken.sign(VECTOR_CLAIMS, "k1", pair.getPrivate());

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("MQT2");
        assertThat(parts[1]).isEqualTo("k1");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.US_ASCII))
                .isEqualTo("4711|K7QXPA|42|F7|ADULT|1767225600");
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(parts[3])).hasSize(64);
    }

    @Test
    void everyAlteredCharacterIsRefused() throws Exception {
        KeyPair pair = pair();
        String token = SignedTicketToken.sign(VECTOR_CLAIMS, "k1", pair.getPrivate());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(SignedTicketToken.verify(altered, only("k1", pair.getPublic())))
                    .as("altered at %d: %s", i, altered)
                    .isEmpty();
        }
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheSameKidIsRefused() throws Exception {
        KeyPair ours = pair();
        KeyPair forger = pair();
        String forged = SignedTicketToken.sign(VECTOR_CLAIMS, "k1", forger.getPrivate());

        assertThat(SignedTicketToken.verify(forged, only("k1", ours.getPublic())))
                .isEmpty();
    }

    @Test
    void aSeatSwappedIntoAnotherwiseGenuineTokenIsRefused() throws Exception {
        KeyPair pair = pair();
        String token = SignedTicketToken.sign(VECTOR_CLAIMS, "k1", pair.getPrivate());
        String[] parts = token.split("\\.");
        String otherSeat = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("4711|K7QXPA|42|F8|ADULT|1767225600".getBytes(StandardCharsets.US_ASCII));

        assertThat(SignedTicketToken.verify(
                        parts[0] + "." + parts[1] + "." + otherSeat + "." + parts[3], only("k1", pair.getPublic())))
                .isEmpty();
    }

    @Test
    void anUnknownKidMalformedOrOldTokenIsRefusedWithoutThrowing() throws Exception {
        KeyPair pair = pair();
        String token = SignedTicketToken.sign(VECTOR_CLAIMS, "k1", pair.getPrivate());
        var keys = only("k1", pair.getPublic());

        assertThat(SignedTicketToken.verify(token.replace("MQT2.k1.", "MQT2.k2."), keys))
                .isEmpty();
        assertThat(SignedTicketToken.verify(null, keys)).isEmpty();
        assertThat(SignedTicketToken.verify("", keys)).isEmpty();
        assertThat(SignedTicketToken.verify("MQT2.k1..", keys)).isEmpty();
        assertThat(SignedTicketToken.verify("MQT2.k1.a.b.c", keys)).isEmpty();
        assertThat(SignedTicketToken.verify(token + "=", keys)).isEmpty();
        assertThat(SignedTicketToken.verify(token.substring(0, token.length() - 2), keys))
                .isEmpty();
        assertThat(SignedTicketToken.verify("MQT1.eA.eA", keys)).isEmpty();
        assertThat(SignedTicketToken.verify("MQT2." + "x".repeat(600), keys)).isEmpty();
    }

    @Test
    void claimsRefuseFieldsThatWouldBreakThePayload() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new SignedTicketToken.Claims(0, "K7QXPA", 1, "F7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedTicketToken.Claims(1, "K7|QX", 1, "F7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedTicketToken.Claims(1, "K7QXPA", 1, "F 7", TicketType.ADULT, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedTicketToken.sign(
                        new SignedTicketToken.Claims(1, "K7QXPA", 1, "F7", TicketType.ADULT, at),
                        "bad.kid",
                        pair().getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Function<String, Optional<PublicKey>> only(String kid, PublicKey key) {
        return k -> k.equals(kid) ? Optional.of(key) : Optional.empty();
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SignedTicketTokenTest.class.getResourceAsStream("/ticket-token-vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
