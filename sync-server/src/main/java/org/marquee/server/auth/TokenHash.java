package org.marquee.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a bearer token. Terminal tokens are long random strings, so a fast hash is enough to keep a stolen
 * database from revealing them; PINs, which are short, get bcrypt instead. Every request hashes its token, so the
 * digest is cloned from one looked up once rather than looked up among the JDK's providers each time.
 */
public final class TokenHash {

    private static final MessageDigest SHA_256 = sha256();

    private TokenHash() {}

    public static String of(String token) {
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
