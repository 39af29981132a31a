package org.marquee.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a soak run prints: a line per sample (and a CSV row when asked for), and the summary at the end (first / last /
 * max of each resource, growth first third vs last third, totals, latencies per request, answers outside the contract).
 */
final class SoakReport {

    private SoakReport() {}

    /** The CSV header (when there is a CSV file) and the sample lines' header. */
    static void printHeaders(PrintWriter csv) {
        if (csv != null) {
            csv.println("time,elapsed_s,rss_kb,threads,fds,db_connections,db_active,db_idle,db_idle_in_tx,"
                    + "db_other,requests_per_s,ok_per_s,refused_per_s,busy_per_s,unexpected,io_errors,"
                    + "p50_ms,p99_ms,sales_total,sse_events_total,server_cpu_s_total,load_avg_1m");
        }
        System.out.println(
                "   time  elapsed  rss_MB threads  fds  db(act/idle/idle_tx/other)    req/s   ok/s  refused/s"
                        + " busy/s unexp io_err  p50_ms  p99_ms  sales  cpu_s  load");
    }

    static void print(SoakSample s, PrintWriter csv) {
        long active = s.dbByState().getOrDefault("active", 0L);
        long idle = s.dbByState().getOrDefault("idle", 0L);
        long idleTx = s.dbByState().getOrDefault("idle in transaction", 0L);
        long other = s.dbConnections() - active - idle - idleTx;
        System.out.printf(
                Locale.ROOT,
                "%s %7.0fs %7.1f %7d %4d  %3d (%d/%d/%d/%d) %18s %8.1f %6.1f %10.1f %6.1f %5d %6d %7.2f %7.2f %6d %6.1f %5.2f%n",
                s.at().toString().substring(11, 19),
                s.elapsed(),
                s.rssKb() / 1024.0,
                s.threads(),
                s.fds(),
                s.dbConnections(),
                active,
                idle,
                idleTx,
                other,
                "",
                s.requestsPerSecond(),
                s.okPerSecond(),
                s.refusedPerSecond(),
                s.busyPerSecond(),
                s.unexpected(),
                s.ioErrors(),
                s.p50Ms(),
                s.p99Ms(),
                s.sales(),
                s.serverCpuSeconds(),
                s.loadAverage());
        if (csv != null) {
            csv.printf(
                    Locale.ROOT,
                    "%s,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%.2f,%.2f,%d,%d,%.2f,%.2f%n",
                    s.at(),
                    s.elapsed(),
                    s.rssKb(),
                    s.threads(),
                    s.fds(),
                    s.dbConnections(),
                    active,
                    idle,
                    idleTx,
                    other,
                    s.requestsPerSecond(),
                    s.okPerSecond(),
                    s.refusedPerSecond(),
                    s.busyPerSecond(),
                    s.unexpected(),
                    s.ioErrors(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.sales(),
                    s.sseEvents(),
                    s.serverCpuSeconds(),
                    s.loadAverage());
            csv.flush();
        }
    }

    /** Prints the summary; returns the number of problems (answers outside the contract count as one). */
    static int summary(List<SoakSample> samples, SoakTally tally, SoakShowtimes showtimes) {
        System.out.println();
        System.out.println("SUMMARY");
        int growing = resources(samples);
        double seconds = samples.isEmpty() ? 1 : samples.getLast().elapsed();
        long all = tally.totalRequests();
        Histogram latency = new Histogram(60_000_000L, 3);
        tally.latencyByRequest().values().forEach(latency::add);
        System.out.printf(
                Locale.ROOT,
                "requests %d in %.0f s = %.1f/s: ok %d, refused (409/402 in contract) %d, busy (429/503) %d,"
                        + " outside the contract %d, I/O errors %d%n",
                all,
                seconds,
                all / seconds,
                tally.total(SoakTally.Kind.OK),
                tally.total(SoakTally.Kind.REFUSED),
                tally.total(SoakTally.Kind.BUSY),
                tally.total(SoakTally.Kind.UNEXPECTED),
                tally.total(SoakTally.Kind.IO_ERROR));
        System.out.printf(Locale.ROOT, "latency, all requests: %s%n", Target.latencies(latency));
        if (samples.size() > 1) {
            double cpu =
                    samples.getLast().serverCpuSeconds() - samples.getFirst().serverCpuSeconds();
            double wall = samples.getLast().elapsed() - samples.getFirst().elapsed();
            System.out.printf(
                    Locale.ROOT,
                    "server JVM CPU %.0f s in %.0f s (%.2f core); 1-minute load average first %.2f, last %.2f%n",
                    cpu,
                    wall,
                    cpu / wall,
                    samples.getFirst().loadAverage(),
                    samples.getLast().loadAverage());
        }
        new TreeMap<>(tally.latencyByRequest())
                .forEach((label, h) -> System.out.printf(
                        Locale.ROOT, "  %-48s n=%-7d %s%n", label, h.getTotalCount(), Target.latencies(h)));
        System.out.printf(
                "sales %d (card %d, cash %d), declines %d, seat changes %d, releases %d, payment retries with the"
                        + " same key %d (different answer: %d), refunds by the manager %d, showtimes found sold out %d times"
                        + " (of %d; all sold out %d times), best available %s%n",
                tally.sales.sum(),
                tally.cardSales.sum(),
                tally.cashSales.sum(),
                tally.declines.sum(),
                tally.seatChanges.sum(),
                tally.releases.sum(),
                tally.retries.sum(),
                tally.retryMismatches.sum(),
                tally.refunds.sum(),
                showtimes.foundSoldOut(),
                showtimes.size(),
                showtimes.foundAllSoldOut(),
                tally.bestAvailable() ? "used" : "not offered by the server (422), seats chosen on the map only");
        System.out.printf(
                "SSE: %d connections, %d events, %d dropped by the server before the client left%n",
                tally.sseConnects.sum(), tally.sseEvents.sum(), tally.sseDrops.sum());
        if (tally.unexpectedByRequest().isEmpty()) {
            System.out.println("answers outside the contract: none");
        } else {
            System.out.println("answers outside the contract, or errors:");
            new TreeMap<>(tally.unexpectedByRequest())
                    .forEach((what, n) ->
                            System.out.printf("  %6d  %s  e.g. %s%n", n.sum(), what, tally.unexpectedSample(what)));
        }
        long unexpected = tally.total(SoakTally.Kind.UNEXPECTED);
        System.out.printf("resources growing: %d of 4; answers outside the contract: %d%n", growing, unexpected);
        return (unexpected > 0 ? 1 : 0) + (tally.retryMismatches.sum() > 0 ? 1 : 0);
    }

    /** Prints first / last / max and the first and last thirds' medians of each resource; returns how many grow. */
    private static int resources(List<SoakSample> samples) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(
                "rss_MB", samples.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        series.put("threads", samples.stream().mapToDouble(SoakSample::threads).toArray());
        series.put("fds", samples.stream().mapToDouble(SoakSample::fds).toArray());
        series.put(
                "db_connections",
                samples.stream().mapToDouble(SoakSample::dbConnections).toArray());
        // a resource "grows" when the median of the last third is above the first third's by more than this
        Map<String, Double> slack = Map.of("rss_MB", 32.0, "threads", 5.0, "fds", 5.0, "db_connections", 1.0);
        int growing = 0;
        for (var e : series.entrySet()) {
            double[] v = e.getValue();
            int third = Math.max(1, v.length / 3);
            double early = median(v, 0, third);
            double late = median(v, v.length - third, v.length);
            double max = 0;
            for (double x : v) {
                max = Math.max(max, x);
            }
            boolean grows = v.length >= 6 && late - early > Math.max(slack.get(e.getKey()), 0.10 * early);
            growing += grows ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "%-15s first %8.1f  last %8.1f  max %8.1f  median first third %8.1f  last third %8.1f  %s%n",
                    e.getKey(),
                    v[0],
                    v[v.length - 1],
                    max,
                    early,
                    late,
                    grows ? "GROWS" : "steady");
        }
        return growing;
    }

    private static double median(double[] v, int from, int to) {
        List<Double> part = new ArrayList<>();
        for (int i = from; i < to; i++) {
            part.add(v[i]);
        }
        return Target.median(part);
    }
}
