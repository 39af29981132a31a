package org.marquee.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Ed25519-signed ticket token with a key id (DESIGN §9): a door scanner holds only public keys, so it can check a
 * ticket but never make one, and a key can be rotated without invalidating tickets already sold.
 *
 * <p>Format: {@code MQT2.<kid>.<payload>.<signature>}. {@code payload} is the base64url (no padding) of the ASCII
 * {@code ticketId|orderCode|showtimeId|seatId|ticketType|startsAtEpochSeconds}; {@code signature} is the base64url (no
 * padding) Ed25519 signature of the ASCII text before the last dot. Any Ed25519 implementation (openssl, libsodium)
 * checks it with the published key.
 */
public final class SignedTicketToken {

    /** Version prefix; the older HMAC format is {@link TicketToken#PREFIX}. */
    public static final String PREFIX = "MQT2.";

    /** The JDK's name of the signature algorithm, and the {@code algorithm} published with each key. */
    public static final String ALGORITHM = "Ed25519";

    /**
     * How long after its showtime's start a ticket still admits (latecomers, long films); after that it has expired,
     * whichever format it has, and a retired key is kept this long after the last showtime it could have signed for.
     */
    public static final java.time.Duration VALID_AFTER_START = java.time.Duration.ofHours(6);

    /** Key ids are short visible words, so that a token stays small and a scanner can look one up by its text. */
    public static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    // Longest token valid claims can produce, with room to spare; anything longer is refused unread.
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final int SIGNATURE_BYTES = 64;
    private static final char SEPARATOR = '|';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SignedTicketToken() {}

    /** What a ticket token vouches for. {@code startsAt} is kept to whole seconds, as the token carries it. */
    public record Claims(
            long ticketId, String orderCode, long showtimeId, String seatId, TicketType type, Instant startsAt) {
        public Claims {
            if (ticketId <= 0) {
                throw new IllegalArgumentException("ticketId must be positive");
            }
            orderCode = field("orderCode", orderCode);
            seatId = field("seatId", seatId);
            Objects.requireNonNull(type, "type");
            startsAt = Objects.requireNonNull(startsAt, "startsAt").truncatedTo(ChronoUnit.SECONDS);
        }

        /** The ASCII text the payload encodes. */
        public String text() {
            return ticketId + "" + SEPARATOR + orderCode + SEPARATOR + showtimeId + SEPARATOR + seatId + SEPARATOR
                    + type.name() + SEPARATOR + startsAt.getEpochSecond();
        }

        private static String field(String name, String value) {
            Objects.requireNonNull(value, name);
            if (value.isEmpty() || value.length() > TicketToken.MAX_FIELD_LENGTH) {
                throw new IllegalArgumentException(
                        name + " must have 1 to " + TicketToken.MAX_FIELD_LENGTH + " characters");
            }
            if (!value.chars().allMatch(c -> c > ' ' && c < 0x7F && c != SEPARATOR)) {
                throw new IllegalArgumentException(name + " must be visible ASCII characters other than '|'");
            }
            return value;
        }
    }

    /** A token taken apart but not yet checked: which key it names, what it claims, and the signed text. */
    public record Parts(String kid, Claims claims, String signedText, byte[] signature) {}

    /** Signs the claims with the private key called {@code kid}. */
    public static String sign(Claims claims, String kid, PrivateKey key) {
        Objects.requireNonNull(claims, "claims");
        if (kid == null || !KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, '-' or '_'");
        }
        String signed =
                PREFIX + kid + '.' + ENCODER.encodeToString(claims.text().getBytes(StandardCharsets.US_ASCII));
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + '.' + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /** The token taken apart, or empty when it is not shaped like an {@code MQT2} token. Checks no signature. */
    public static Optional<Parts> parse(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !KID.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODER.decode(parts[3]);
            // canonical base64url only: one valid signature must not have two spellings
            if (signature.length != SIGNATURE_BYTES
                    || !ENCODER.encodeToString(signature).equals(parts[3])) {
                return Optional.empty();
            }
            return claims(parts[2])
                    .map(claims -> new Parts(parts[1], claims, token.substring(0, token.lastIndexOf('.')), signature));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The claims of a token signed by the key it names, looked up with {@code keys} (empty for an unknown kid), or
     * empty for anything else: forged, altered, truncated, malformed, null. Never throws.
     */
    public static Optional<Claims> verify(String token, Function<String, Optional<PublicKey>> keys) {
        Optional<Parts> parts = parse(token);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Parts p = parts.get();
        Optional<PublicKey> key = keys.apply(p.kid());
        if (key.isEmpty() || !signatureHolds(p, key.get())) {
            return Optional.empty();
        }
        return Optional.of(p.claims());
    }

    /** Whether the token's signature was made by {@code key} over its signed text. */
    public static boolean signatureHolds(Parts parts, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(parts.signedText().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(parts.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** A public key from its base64 X.509 SubjectPublicKeyInfo, as {@code GET /ticket-keys} publishes it. */
    public static PublicKey publicKey(String base64SubjectPublicKeyInfo) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64SubjectPublicKeyInfo)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key", e);
        }
    }

    private static Optional<Claims> claims(String encodedPayload) {
        try {
            byte[] bytes = DECODER.decode(encodedPayload);
            if (!ENCODER.encodeToString(bytes).equals(encodedPayload)) {
                return Optional.empty();
            }
            String[] parts = new String(bytes, StandardCharsets.US_ASCII).split("\\|", -1);
            if (parts.length != 6) {
                return Optional.empty();
            }
            return Optional.of(new Claims(
                    Long.parseLong(parts[0]),
                    parts[1],
                    Long.parseLong(parts[2]),
                    parts[3],
                    TicketType.valueOf(parts[4]),
                    Instant.ofEpochSecond(Long.parseLong(parts[5]))));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
