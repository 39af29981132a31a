package org.marquee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    record Result(String name, double seconds, long[] counts, Histogram latency) {
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
        return new Result(name, seconds, totals, all);
    }
}
