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
 * nothing more. Keys belong to the terminal that sent them. The same key with a different request is refused, and a
 * retry that arrives while the first is still running is told to wait.
 */
public final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final long STALE_SECONDS = 300;

    /** What to do with a request that carries a key. */
    public sealed interface Decision {
        /** First time: run it, then {@link #remember} its answer. */
        record Run() implements Decision {}

        /** Seen and finished: answer this, run nothing. */
        record Replay(int status, byte[] body) implements Decision {}
    }

    private final IdempotencyStore store;

    public IdempotencyKeys(IdempotencyStore store) {
        this.store = store;
    }

    public Decision decide(long terminalId, String key, String method, String path, byte[] body) {
        if (!KEY.matcher(key).matches()) {
            throw MarqueeException.malformed("An Idempotency-Key is 1 to 200 visible ASCII characters.");
        }
        String hash = hash(method, path, body);
        Optional<StoredAnswer> stored = store.claim(terminalId, key, hash, STALE_SECONDS);
        if (stored.isEmpty()) {
            return new Decision.Run();
        }
        StoredAnswer answer = stored.get();
        if (!answer.requestHash().equals(hash)) {
            throw MarqueeException.invalid(
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        if (!answer.finished()) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT, "The first request with this Idempotency-Key is still being processed.");
        }
        return new Decision.Replay(answer.status(), answer.body());
    }

    /** Keeps an answer for replay; answers that say nothing happened (429, 5xx) are forgotten so a retry runs again. */
    public void remember(long terminalId, String key, int status, byte[] body) {
        if (status == 429 || status >= 500) {
            store.forget(terminalId, key);
        } else {
            store.complete(terminalId, key, status, body);
        }
    }

    public void forget(long terminalId, String key) {
        store.forget(terminalId, key);
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
