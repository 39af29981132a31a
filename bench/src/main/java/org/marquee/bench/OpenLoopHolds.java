package org.marquee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hold latency at a given load: {@code POST /holds} sent at a fixed rate whatever the answers, as real terminals do
 * (open loop). Each of {@code --clients} terminals has its own keep-alive connection and its own fixed schedule, one
 * request every {@code clients / rate} seconds, offset so that together they send {@code rate} requests a second.
 * Latency runs from the request's <em>intended</em> send time, so a slow answer that delays the terminal's next
 * request counts against that request too (no coordinated omission). Prints p50/p99/p99.9 per rate and round, and the
 * medians.
 */
@Command(
        name = "openloop",
        mixinStandardHelpOptions = true,
        description = "POST /holds at fixed rates (open loop); latency from the intended send time.")
final class OpenLoopHolds implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(
            names = "--rates",
            split = ",",
            defaultValue = "500,1000,2000",
            description = "Holds per second to send, one phase each (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(
            names = "--seats",
            defaultValue = "300",
            description = "Seats the terminals choose from, 1 or 2 at random (default: ${DEFAULT-VALUE}, the hall).")
    int seats;

    @Override
    public Integer call() throws Exception {
        long showtimeId = target.showtimeId();
        List<String> pool = target.hotSeats(showtimeId, seats);
        System.out.printf(
                "open loop: showtime %d, %d terminals, %d seats, rates %s/s, %d s measured after %d s warm-up%n",
                showtimeId, target.clients, pool.size(), rates, target.seconds, target.warmup);
        List<List<double[]>> perRate = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            perRate.add(new ArrayList<>());
        }
        for (int round = 1; round <= target.rounds; round++) {
            for (int i = 0; i < rates.size(); i++) {
                int rate = rates.get(i);
                Run run = run(showtimeId, pool, rate);
                Histogram h = run.latency();
                double[] figures = {
                    h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3,
                    run.sentPerSecond()
                };
                perRate.get(i).add(figures);
                System.out.printf(
                        "round %d  rate %,5d/s: sent %,.0f/s, granted %d refused %d busy %d errors %d,"
                                + " p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms%n",
                        round,
                        rate,
                        figures[3],
                        run.granted(),
                        run.refused(),
                        run.busy(),
                        run.errors(),
                        figures[0],
                        figures[1],
                        figures[2],
                        h.getMaxValue() / 1e3);
            }
        }
        for (int i = 0; i < rates.size(); i++) {
            List<double[]> rounds = perRate.get(i);
            System.out.printf(
                    "MEDIAN openloop rate=%d/s clients=%d: sent %,.0f/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
                    rates.get(i),
                    target.clients,
                    median(rounds, 3),
                    median(rounds, 0),
                    median(rounds, 1),
                    median(rounds, 2));
        }
        return 0;
    }

    private record Run(Histogram latency, double sentPerSecond, long granted, long refused, long busy, long errors) {}

    private Run run(long showtimeId, List<String> pool, int rate) throws InterruptedException {
        int clients = target.clients;
        long intervalNanos = Math.round(1e9 * clients / rate);
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + target.warmup * 1_000_000_000L;
        long end = measureFrom + target.seconds * 1_000_000_000L;
        LongAdder granted = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder busy = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder sent = new LongAdder();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            threads.add(Thread.ofVirtual().name("open-" + c).start(() -> {
                SplittableRandom random = new SplittableRandom(7000L + client);
                // terminals spread evenly over one interval, so that the whole sends one request every 1/rate
                long intended = start + intervalNanos * client / clients;
                while (intended < end) {
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String first = pool.get(random.nextInt(pool.size()));
                    String body = random.nextBoolean()
                            ? "[\"" + first + "\"]"
                            : "[\"" + first + "\",\"" + pool.get(random.nextInt(pool.size())) + "\"]";
                    int status;
                    try {
                        status = target.connection(client)
                                .post("/holds", "{\"showtimeId\":" + showtimeId + ",\"seatIds\":" + body + "}")
                                .status();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    if (intended >= measureFrom) {
                        sent.increment();
                        switch (status) {
                            case 201 -> granted.increment();
                            case 409, 422 -> refused.increment();
                            case 429, 503 -> busy.increment();
                            default -> errors.increment();
                        }
                        histogram.recordValue(Math.min((done - intended) / 1_000, 59_999_999L));
                    }
                    intended += intervalNanos;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Run(
                all, sent.sum() / (double) target.seconds, granted.sum(), refused.sum(), busy.sum(), errors.sum());
    }

    private static double median(List<double[]> rounds, int index) {
        List<Double> values = new ArrayList<>();
        for (double[] r : rounds) {
            values.add(r[index]);
        }
        return Target.median(values);
    }
}
