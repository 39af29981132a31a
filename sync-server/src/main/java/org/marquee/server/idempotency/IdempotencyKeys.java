package org.marquee.server.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.idempotency.persistence.IdempotencyStore;

/**
 * Invariant 6: a mutating request sent again with the same {@code Idempotency-Key} gets the first answer and changes
 * nothing more. Keys belong to the terminal that sent them; the same key with a different request is refused. Both
 * methods run inside the request's unit of work: {@link #decide} holds the key until it ends, and {@link #remember}
 * keeps the answer in the same transaction as the effect (DESIGN §10).
 */
public final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** How long a retry waits for the first request with its key to end before it is told to try again. */
    private static final long WAIT_MILLIS = 2_500;

    /** A request that carries a key: whose, which key, and the hash of what it asks. */
    public record Claim(long terminalId, String key, String requestHash) {}

    /** What to do with a request that carries a key. */
    public sealed interface Decision {
        /** First time, or the first time died without an effect: run it, then {@link #remember} its answer. */
        record Run(Claim claim) implements Decision {}

        /** Seen and finished: answer this, run nothing. */
        record Replay(int status, byte[] body) implements Decision {}
    }

    private final IdempotencyStore store;

    public IdempotencyKeys(IdempotencyStore store) {
        this.store = store;
    }

    /** The claim of a request, after checking the key's form. */
    public static Claim claim(long terminalId, String key, String method, String path, byte[] body) {
        if (!KEY.matcher(key).matches()) {
            throw MarqueeException.malformed("An Idempotency-Key is 1 to 200 visible ASCII characters.");
        }
        return new Claim(terminalId, key, hash(method, path, body));
    }

    /** Takes the key for the rest of the unit of work, and says whether to run the request or replay an answer. */
    public Decision decide(Claim claim) {
        if (!store.lock(claim.terminalId(), claim.key(), WAIT_MILLIS)) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "The first request with this Idempotency-Key is still being processed; try again in a moment.");
        }
        Optional<StoredAnswer> stored = store.find(claim.terminalId(), claim.key());
        if (stored.isEmpty()) {
            return new Decision.Run(claim);
        }
        if (!stored.get().requestHash().equals(claim.requestHash())) {
            throw MarqueeException.invalid(
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        return new Decision.Replay(stored.get().status(), stored.get().body());
    }

    /**
     * Keeps an answer for replay, in the unit of work of its effect. Answers that say nothing happened (429, 5xx) are
     * not kept, so a retry runs again.
     */
    public boolean remember(Claim claim, int status, byte[] body) {
        if (status == 429 || status >= 500) {
            return false;
        }
        store.save(claim.terminalId(), claim.key(), claim.requestHash(), status, body);
        return true;
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
