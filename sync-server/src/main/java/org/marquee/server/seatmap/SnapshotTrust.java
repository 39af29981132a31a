package org.marquee.server.seatmap;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether a showtime's snapshot may answer a seat-map request without asking PostgreSQL for the current version
 * (decision 0029). It may while all of these hold:
 *
 * <ul>
 *   <li>this instance's {@code LISTEN} connection is up and its heartbeat is not overdue ({@link #listening}), so every
 *       change another instance announced has reached this one within the heartbeat's bound;
 *   <li>no change of the showtime was seen (a local commit, or a notification) since the snapshot was read;
 *   <li>the snapshot was read, or its version checked, less than {@link #LEASE} ago: a change that no instance announced
 *       (an instance that crashed between its commit and its notification) shows within that lease at the latest.
 * </ul>
 *
 * Changes are ordered by a counter rather than by clock: a read takes a {@link #stamp} before it asks PostgreSQL, and
 * a change seen after that stamp leaves the snapshot untrusted even if the read finished later.
 */
public final class SnapshotTrust {

    /** The longest a snapshot answers from memory before its version is checked against PostgreSQL again. */
    public static final Duration LEASE = Duration.ofSeconds(1);

    private final AtomicLong counter = new AtomicLong();
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
    private final long leaseNanos;
    private volatile long allChangedAt;
    private volatile BooleanSupplier listening = () -> false;

    public SnapshotTrust() {
        this(LEASE);
    }

    public SnapshotTrust(Duration lease) {
        this.leaseNanos = lease.toNanos();
    }

    /** A trust that never trusts: every request asks PostgreSQL (a server without live events, and tests). */
    public static SnapshotTrust never() {
        return new SnapshotTrust(Duration.ZERO);
    }

    /** Tells whether the change listener is healthy right now (connected, heartbeat on time). */
    public void listening(BooleanSupplier healthy) {
        this.listening = healthy;
    }

    /** Taken before a snapshot is read or checked: changes seen after it make that snapshot untrusted. */
    public long stamp() {
        return counter.incrementAndGet();
    }

    /** The showtime's seats may have changed (committed here, or announced by any instance). */
    public void changed(long showtimeId) {
        changedAt.put(showtimeId, counter.incrementAndGet());
    }

    /** Any showtime may have changed: notifications may have been missed (the listener was lost or is new). */
    public void allChanged() {
        long now = counter.incrementAndGet();
        allChangedAt = now;
        // entries from before are covered by allChangedAt; one put meanwhile with a later count must stay
        changedAt.values().removeIf(changed -> changed <= now);
    }

    /** True when a snapshot read under {@code stamp} at {@code readNanos} may answer now without PostgreSQL. */
    boolean trusts(long showtimeId, long stamp, long readNanos, long nowNanos) {
        if (nowNanos - readNanos >= leaseNanos || stamp <= allChangedAt) {
            return false;
        }
        Long changed = changedAt.get(showtimeId);
        if (changed != null && changed >= stamp) {
            return false;
        }
        return listening.getAsBoolean();
    }
}
