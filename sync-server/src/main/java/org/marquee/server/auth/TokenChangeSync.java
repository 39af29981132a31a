package org.marquee.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The {@code marquee_tokens} channel between server instances (DESIGN §7.2: a revoked or replaced token is refused at
 * once on every instance). A change sends {@code change:<id>} in its own transaction; every listening instance, on
 * reading it, stops trusting its cached tokens and answers {@code ack:<id>}. The instance that made the change waits
 * until as many acknowledgements came back as there are listening connections on the database, so that the manager's
 * answer comes after every instance has forgotten the old token. An instance whose listener is not connected caches
 * nothing meanwhile ({@link TerminalAuthenticator#channelLost}), so it needs no acknowledgement.
 */
public final class TokenChangeSync {

    /** The application name of every instance's listening connection, by which they are counted. */
    public static final String LISTENER_NAME = "marquee-token-listener";

    private static final String CHANGE = "change:";
    private static final String ACK = "ack:";

    private final TerminalAuthenticator authenticator;
    private final Consumer<String> send;
    private final IntSupplier listeners;
    /** Acknowledgements seen per change id; forgotten after a minute. */
    private final Cache<String, AtomicInteger> acks =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    /**
     * {@code send} sends a payload on {@code marquee_tokens} at once (its own short transaction); {@code listeners}
     * counts the listening connections of every instance on the database.
     */
    public TokenChangeSync(TerminalAuthenticator authenticator, Consumer<String> send, IntSupplier listeners) {
        this.authenticator = authenticator;
        this.send = send;
        this.listeners = listeners;
    }

    /** The payload that announces change {@code changeId}, to send in the change's transaction. */
    public static String announcement(String changeId) {
        return CHANGE + changeId;
    }

    /** What the listener read: changes make this instance forget its cached tokens and acknowledge them. */
    public void received(List<String> payloads) {
        boolean acknowledged = false;
        for (String payload : payloads) {
            if (payload.startsWith(CHANGE)) {
                authenticator.tokensChanged();
                send.accept(ACK + payload.substring(CHANGE.length()));
            } else if (payload.startsWith(ACK)) {
                acks.get(payload.substring(ACK.length()), id -> new AtomicInteger())
                        .incrementAndGet();
                acknowledged = true;
            }
        }
        if (acknowledged) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Waits up to {@code timeout} until every listening instance acknowledged change {@code changeId}; false when some
     * did not (an instance whose connection died silently: it drops its cache when it reconnects).
     */
    public boolean awaitAcknowledged(String changeId, Duration timeout) {
        int expected = listeners.getAsInt();
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicInteger seen = acks.get(changeId, id -> new AtomicInteger());
        synchronized (this) {
            while (seen.get() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
