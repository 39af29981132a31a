package org.marquee.server.live;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that this instance's {@code LISTEN} connection still delivers: every {@link #EVERY} the instance sends itself
 * a notification on {@code marquee_seats} ({@code beat:<instance>:<n>}) and expects it back. PostgreSQL delivers a
 * listener's notifications in commit order, so a beat that came back means every notification committed before it was
 * sent has been read. The listener is {@link #getAsBoolean healthy} while it is connected and the newest beat that came
 * back was sent less than {@link #OVERDUE} ago (decision 0029): a connection that went silent, a database that stopped
 * answering, or a pool too busy to send the beat all make it unhealthy within that bound.
 */
final class ListenerHeartbeat implements BooleanSupplier {

    private static final Logger log = LoggerFactory.getLogger(ListenerHeartbeat.class);

    /** How often a beat is sent. */
    static final Duration EVERY = Duration.ofMillis(250);

    /** How old the newest returned beat may be (its send time) while the listener counts as healthy. */
    static final Duration OVERDUE = Duration.ofMillis(750);

    static final String PREFIX = "beat:";

    private final String instance =
            HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
    private final Consumer<String> send;
    private final long overdueNanos;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private volatile boolean connected;
    /** Whether a beat came back on the current connection, and the send time (nanoTime) of the newest that did. */
    private volatile boolean anyBack;

    private volatile long newestBack;

    private volatile boolean wasHealthy;

    /** {@code send} sends a payload on the channel at once, on a transaction of its own. */
    ListenerHeartbeat(Consumer<String> send) {
        this(send, OVERDUE);
    }

    ListenerHeartbeat(Consumer<String> send, Duration overdue) {
        this.send = send;
        this.overdueNanos = overdue.toNanos();
    }

    /** Sends the next beat; a failure to send shows as a beat that does not come back. */
    void beat() {
        long n = sequence.incrementAndGet();
        sentAt.put(n, System.nanoTime());
        // beats lost with a connection never come back: forget the old ones
        sentAt.keySet().removeIf(old -> old < n - 64);
        try {
            send.accept(PREFIX + instance + ":" + n);
        } catch (RuntimeException e) {
            log.debug("event=seat_heartbeat_not_sent reason={}", e.toString());
        }
        logChange();
    }

    /** True when {@code payload} is a beat (of any instance); this instance's own beats are taken as returned. */
    boolean received(String payload) {
        if (!payload.startsWith(PREFIX)) {
            return false;
        }
        int colon = payload.lastIndexOf(':');
        if (colon > PREFIX.length() && payload.substring(PREFIX.length(), colon).equals(instance)) {
            try {
                Long sent = sentAt.remove(Long.parseLong(payload.substring(colon + 1)));
                if (sent != null && connected && (!anyBack || sent - newestBack > 0)) {
                    newestBack = sent;
                    anyBack = true;
                }
            } catch (NumberFormatException e) {
                log.warn("event=seat_heartbeat_ignored reason=malformed");
            }
        }
        return true;
    }

    /** The listener listens (again): it is healthy once a beat sent from now on has come back. */
    void listening() {
        sentAt.clear();
        anyBack = false;
        connected = true;
    }

    /** The listener's connection was lost: not healthy until it listens again and a beat comes back. */
    void lost() {
        connected = false;
        anyBack = false;
        logChange();
    }

    @Override
    public boolean getAsBoolean() {
        return connected && anyBack && System.nanoTime() - newestBack < overdueNanos;
    }

    private void logChange() {
        boolean healthy = getAsBoolean();
        if (healthy != wasHealthy) {
            wasHealthy = healthy;
            log.info("event=seat_listener_{} connected={}", healthy ? "fresh" : "stale", connected);
        }
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }
}
