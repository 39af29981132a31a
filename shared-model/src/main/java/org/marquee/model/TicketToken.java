package org.marquee.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed ticket token carried by a ticket's QR code, verifiable offline by a door scanner that holds only the key.
 *
 * <p>Format: {@code MQT1.<base64url payload>.<base64url HMAC-SHA256 of "MQT1." + base64url payload>}, both parts
 * without padding. The payload is {@code orderCode|showtimeId|seatId|ticketType|startsAtEpochSeconds} in ASCII: no
 * personal data and no price, because anyone can read a QR code.
 */
public final class TicketToken {

    /** Version prefix; a future format gets a new one so old scanners refuse it instead of misreading it. */
    public static final String PREFIX = "MQT1.";

    /** HMAC-SHA256 wants a key at least as long as its output to give its full strength. */
    public static final int MIN_KEY_BYTES = 32;

    /** Order codes and seat ids are short; a bound keeps the QR code small and a scanner's work bounded. */
    public static final int MAX_FIELD_LENGTH = 64;

    // Longest token that valid claims can produce, with room to spare; anything longer is refused unread.
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '|';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TicketToken() {}

    /** What a ticket token vouches for. {@code startsAt} is kept to whole seconds, as the token carries it. */
    public record Claims(String orderCode, long showtimeId, String seatId, TicketType type, Instant startsAt) {
        public Claims {
            orderCode = field("orderCode", orderCode);
            seatId = field("seatId", seatId);
            Objects.requireNonNull(type, "type");
            startsAt = Objects.requireNonNull(startsAt, "startsAt").truncatedTo(ChronoUnit.SECONDS);
        }

        private static String field(String name, String value) {
            Objects.requireNonNull(value, name);
            if (value.isEmpty() || value.length() > MAX_FIELD_LENGTH) {
                throw new IllegalArgumentException(name + " must have 1 to " + MAX_FIELD_LENGTH + " characters");
            }
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException(name + " must not contain '|'");
            }
            // Visible ASCII only: codes and seat ids are ASCII, and a scanner's display needs no font for them.
            if (!value.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
                throw new IllegalArgumentException(name + " must be visible ASCII characters");
            }
            return value;
        }
    }

    /** Signs the claims; throws {@link IllegalArgumentException} for a key shorter than {@link #MIN_KEY_BYTES}. */
    public static String sign(Claims claims, byte[] key) {
        Objects.requireNonNull(claims, "claims");
        Mac mac = mac(key);
        String payload = claims.orderCode()
                + SEPARATOR
                + claims.showtimeId()
                + SEPARATOR
                + claims.seatId()
                + SEPARATOR
                + claims.type().name()
                + SEPARATOR
                + claims.startsAt().getEpochSecond();
        String signed = PREFIX + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + '.' + signature(mac, signed);
    }

    /**
     * The claims of a token signed with this key, or empty for anything else: forged, altered, truncated, malformed,
     * null. Never throws for any token; throws {@link IllegalArgumentException} only for a key that is too short.
     */
    public static Optional<Claims> verify(String token, byte[] key) {
        Mac mac = mac(key);
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot < PREFIX.length()) {
            return Optional.empty();
        }
        String signed = token.substring(0, dot);
        byte[] expected = signature(mac, signed).getBytes(StandardCharsets.US_ASCII);
        // Comparing the encoded text (not decoded bytes) also refuses non-canonical base64 of a valid signature.
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return parse(signed.substring(PREFIX.length()));
    }

    private static Optional<Claims> parse(String encodedPayload) {
        try {
            byte[] bytes = DECODER.decode(encodedPayload);
            if (!ENCODER.encodeToString(bytes).equals(encodedPayload)) {
                return Optional.empty();
            }
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            return Optional.of(new Claims(
                    parts[0],
                    Long.parseLong(parts[1]),
                    parts[2],
                    TicketType.valueOf(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException | DateTimeException e) {
            // Only a holder of the key can get here, so this is a signer bug, not an attack; still never throw.
            return Optional.empty();
        }
    }

    private static String signature(Mac mac, String signed) {
        return ENCODER.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a ticket key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256, so this cannot happen on a working JDK.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
