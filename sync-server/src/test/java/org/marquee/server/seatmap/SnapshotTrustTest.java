package org.marquee.server.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a snapshot may answer without PostgreSQL (decision 0029): the rules one by one, on a clock of our own. */
class SnapshotTrustTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private SnapshotTrust trust;

    @BeforeEach
    void setUp() {
        trust = new SnapshotTrust(Duration.ofSeconds(1));
        trust.listening(listening::get);
    }

    @Test
    void aSnapshotReadWhileNothingChangedIsTrustedUntilItsLeaseRunsOut() {
        long stamp = trust.stamp();
        assertThat(trust.trusts(7, stamp, 0, SECOND / 2)).isTrue();
        assertThat(trust.trusts(7, stamp, 0, SECOND))
                .as("at the end of the lease")
                .isFalse();
    }

    @Test
    void aChangeSeenAfterTheReadBeganLeavesWhatItReadUntrustedEvenIfTheReadEndedLater() {
        long stamp = trust.stamp();
        trust.changed(7);
        // the read finishes now, but PostgreSQL may have answered before the change committed
        assertThat(trust.trusts(7, stamp, 0, 1)).isFalse();
        assertThat(trust.trusts(8, stamp, 0, 1)).as("another showtime").isTrue();
        long after = trust.stamp();
        assertThat(trust.trusts(7, after, 0, 1))
                .as("a read begun after the change")
                .isTrue();
    }

    @Test
    void losingTheListenerUntrustsEverySnapshotReadBeforeAndNothingIsTrustedWhileItIsStale() {
        long before = trust.stamp();
        trust.changed(7);
        trust.allChanged();
        assertThat(trust.trusts(8, before, 0, 1)).isFalse();
        long after = trust.stamp();
        assertThat(trust.trusts(7, after, 0, 1))
                .as("the change of 7 is covered by the reset")
                .isTrue();
        listening.set(false);
        assertThat(trust.trusts(7, after, 0, 1)).as("listener stale").isFalse();
    }

    @Test
    void neverTrustsAnything() {
        SnapshotTrust never = SnapshotTrust.never();
        never.listening(() -> true);
        assertThat(never.trusts(7, never.stamp(), 0, 0)).isFalse();
    }
}
