package org.marquee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs {@code clients} virtual threads calling one step in a loop: {@code warmup} seconds unmeasured, then {@code
 * seconds} measured. Each step says what it decided; latencies are in microseconds.
 */
final class Phase {

    /** What one step decided. */
    enum Outcome {
        GRANTED,
        REFUSED,
        OK,
        NOT_MODIFIED,
        BUSY,
        ERROR
    }

    @FunctionalInterface
    interface Step {
        Outcome run(int client, SplittableRandom random) throws Exception;
    }

    /** The counts and latencies of one measured phase. */
    record Result(String name, double seconds, long[] counts, Histogram latency, long[] perClient) {
        long count(Outcome outcome) {
            return counts[outcome.ordinal()];
        }

        double perSecond(Outcome... outcomes) {
            long n = 0;
            for (Outcome o : outcomes) {
                n += count(o);
            }
            return n / seconds;
        }

        /**
         * How evenly the clients were served: the fewest and the most steps one client made in the measured time. A
         * pool that hands a connection back to the thread that just returned it can starve the others for seconds.
         */
        String clientsText() {
            long fewest = Long.MAX_VALUE;
            long most = 0;
            for (long n : perClient) {
                fewest = Math.min(fewest, n);
                most = Math.max(most, n);
            }
            return String.format("%d clients, %,d to %,d each", perClient.length, fewest, most);
        }

        String countsText() {
            StringBuilder text = new StringBuilder();
            for (Outcome o : Outcome.values()) {
                if (count(o) > 0) {
                    text.append(o.name().toLowerCase())
                            .append('=')
                            .append(count(o))
                            .append(' ');
                }
            }
            return text.toString().trim();
        }
    }

    private Phase() {}

    /**
     * {@code step} with at most {@code connections} clients in it at once, let in in the order they asked: for steps
     * that take one pooled connection each (raw SQL from this process). The pool alone hands a connection back to the
     * client that just returned it, which then goes round again while others wait for seconds (measured: clients with
     * no decision at all in a phase); a server serves its requests in the order they came, and so do these steps now.
     */
    static Step inTurn(int connections, Step step) {
        Semaphore turns = new Semaphore(connections, true);
        return (client, random) -> {
            turns.acquire();
            try {
                return step.run(client, random);
            } finally {
                turns.release();
            }
        };
    }

    static Result run(String name, int clients, int warmup, int seconds, Step step) throws InterruptedException {
        LongAdder[] counts = new LongAdder[Outcome.values().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        List<Histogram> histograms = new ArrayList<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        LongAdder firstError = new LongAdder();
        long[] perClient = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            threads.add(Thread.ofVirtual().name("bench-" + c).start(() -> {
                SplittableRandom random = new SplittableRandom(1000L + client);
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= measureTo) {
                        return;
                    }
                    Outcome outcome;
                    try {
                        outcome = step.run(client, random);
                    } catch (Exception e) {
                        outcome = Outcome.ERROR;
                        if (firstError.sum() == 0) {
                            firstError.increment();
                            System.err.println(name + ": first error: " + e);
                        }
                    }
                    long end = System.nanoTime();
                    if (begin >= measureFrom && end <= measureTo) {
                        counts[outcome.ordinal()].increment();
                        perClient[client]++;
                        histogram.recordValue(Math.min((end - begin) / 1_000, 59_999_999L));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        long[] totals = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            totals[i] = counts[i].sum();
        }
        return new Result(name, seconds, totals, all, perClient.clone());
    }
}
