package org.marquee.bench;

import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the terminals of a soak run share: the server, the tally, the showtimes on sale, the paid orders (oldest first)
 * that the manager may refund, the longest pause between a terminal's steps, and when the run ends ({@link
 * System#nanoTime}).
 */
record SoakContext(
        Target target, SoakTally tally, SoakShowtimes showtimes, Queue<String> paidOrders, int thinkMs, long deadline) {

    /** A pause of up to --think-ms, like a person. */
    void think(SplittableRandom random) {
        if (thinkMs > 0) {
            pause(random.nextInt(thinkMs + 1));
        }
    }

    static SplittableRandom random(int seed) {
        return new SplittableRandom(seed * 7919L + System.nanoTime());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh Idempotency-Key header line. */
    static String key() {
        return "Idempotency-Key: " + UUID.randomUUID() + "\r\n";
    }
}
