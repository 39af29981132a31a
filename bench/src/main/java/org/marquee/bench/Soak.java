package org.marquee.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Soak (issue 9): a realistic mixed workload for {@code --minutes} against a running server, sampling the server JVM's
 * RSS, threads, open file descriptors and the database's connections every {@code --sample-seconds}, with the
 * requests per second by outcome and p50/p99 of each interval. Kiosks hold, change seats, release, order and pay by
 * card (sometimes declined, sometimes retried with the same Idempotency-Key); clerks sell for cash; SSE subscribers
 * follow showtimes and reconnect. Ends with a summary (first / last / max of each resource, growth first third vs last
 * third, answers outside the contract) and an invariant check through JDBC.
 *
 * <p>This class is the command and its run loop. The terminals are {@link KioskCustomer}, {@link CounterClerk},
 * {@link RefundingManager} and {@link SseSubscriber}, sharing a {@link SoakContext}; {@link SoakTally} counts their
 * answers, {@link ProcessSampler} reads the server's resources, {@link SoakReport} prints the samples and the summary
 * and {@link SoakInvariants} checks the database at the end.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description =
                "Mixed workload for N minutes, sampling the server's RSS, threads, fds and DB connections (issue 9).")
final class Soak implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--minutes", defaultValue = "30", description = "Length of the run (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--clerks", defaultValue = "2", description = "Cash-selling clerks (default: ${DEFAULT-VALUE}).")
    int clerks;

    @Option(names = "--subscribers", defaultValue = "4", description = "SSE subscribers (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(
            names = "--sample-seconds",
            defaultValue = "10",
            description = "Between samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--server-pid", description = "The server JVM's pid (default: found by its command line).")
    Long serverPid;

    @Option(names = "--csv", description = "Also write the samples to this CSV file.")
    Path csv;

    @Option(
            names = "--days",
            defaultValue = "5",
            description = "Showtimes of the next N days (from tomorrow) of --theater (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--theater", defaultValue = "1", description = "The kiosks' theater (default: ${DEFAULT-VALUE}).")
    long theater;

    @Option(
            names = "--keep-sold",
            defaultValue = "1500",
            description = "A manager refunds the oldest orders of the run beyond this many, so seats come back and a"
                    + " long run does not sell out; 0: no refunds (default: ${DEFAULT-VALUE}).")
    int keepSold;

    @Option(
            names = "--think-ms",
            defaultValue = "300",
            description = "Up to this pause between a terminal's steps, like a person (default: ${DEFAULT-VALUE}).")
    int thinkMs;

    @Override
    public Integer call() throws Exception {
        long pid = serverPid != null ? serverPid : ProcessSampler.findServerPid(target.server);
        SoakShowtimes showtimes = SoakShowtimes.load(target, theater, days);
        System.out.printf(
                "soak: %s pid %d, %.1f min, %d kiosks, %d clerks, %d SSE subscribers, %d showtimes over %d days,"
                        + " sample every %d s%n",
                target.server,
                pid,
                minutes,
                target.clients,
                clerks,
                subscribers,
                showtimes.size(),
                days,
                sampleSeconds);
        List<String> clerkTokens = CounterClerk.terminals(target, clerks, theater);
        SoakTally tally = new SoakTally();
        long start = System.nanoTime();
        long deadline = start + (long) (minutes * 60e9);
        SoakContext context =
                new SoakContext(target, tally, showtimes, new ConcurrentLinkedQueue<>(), thinkMs, deadline);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < target.clients; c++) {
            threads.add(start("kiosk-" + c, new KioskCustomer(context, c), context));
        }
        for (int c = 0; c < clerkTokens.size(); c++) {
            threads.add(start("clerk-" + c, new CounterClerk(context, c, clerkTokens.get(c)), context));
        }
        if (keepSold > 0) {
            threads.add(start("manager", new RefundingManager(context, keepSold), context));
        }
        for (int s = 0; s < subscribers; s++) {
            threads.add(start("sse-" + s, new SseSubscriber(context, s), context));
        }
        List<SoakSample> samples = new ArrayList<>();
        try (ProcessSampler sampler = ProcessSampler.connect(pid, target);
                PrintWriter out = csv == null ? null : new PrintWriter(Files.newBufferedWriter(csv))) {
            SoakReport.printHeaders(out);
            long last = start;
            tally.startInterval();
            for (long next = start + sampleSeconds * 1_000_000_000L; ; next += sampleSeconds * 1_000_000_000L) {
                long sleep = Math.min(next, deadline) - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                long now = System.nanoTime();
                ProcessSampler.Reading server = sampler.read();
                SoakTally.Interval interval = tally.takeInterval();
                SoakSample sample = SoakSample.of(
                        Instant.now(),
                        (now - start) / 1e9,
                        (now - last) / 1e9,
                        server,
                        interval,
                        tally.sales.sum(),
                        tally.sseEvents.sum());
                last = now;
                samples.add(sample);
                SoakReport.print(sample, out);
                if (now >= deadline) {
                    break;
                }
            }
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        int problems = SoakReport.summary(samples, tally, showtimes);
        problems += SoakInvariants.check(target);
        return problems == 0 ? 0 : 1;
    }

    /** Starts a virtual thread that repeats the terminal's steps until the deadline. */
    private static Thread start(String name, SoakTerminal terminal, SoakContext context) {
        return Thread.ofVirtual().name(name).start(() -> repeat(terminal, context));
    }

    /** Runs a terminal's steps until the deadline; an exception (server gone, bug) is counted and the loop goes on. */
    private static void repeat(SoakTerminal terminal, SoakContext context) {
        SoakTally tally = context.tally();
        while (System.nanoTime() < context.deadline()) {
            try {
                terminal.step();
            } catch (IOException e) {
                tally.count(SoakTally.Kind.IO_ERROR);
                tally.unexpected("I/O " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                SoakContext.pause(500);
            } catch (Exception e) {
                tally.count(SoakTally.Kind.UNEXPECTED);
                tally.unexpected("exception " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                SoakContext.pause(500);
            }
        }
    }
}
