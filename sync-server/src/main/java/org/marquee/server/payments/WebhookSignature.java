package org.marquee.server.payments;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of provider callbacks: {@code X-Marquee-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the
 * webhook secret shared with the provider.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Marquee-Signature";

    private final byte[] secret;

    public WebhookSignature(byte[] secret) {
        this.secret = secret.clone();
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    /** True when {@code header} is this body's signature; compared in constant time. */
    public boolean valid(byte[] body, String header) {
        return header != null
                && MessageDigest.isEqual(sign(body).getBytes(), header.strip().getBytes());
    }
}
