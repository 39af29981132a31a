package org.marquee.bench;

import java.time.Instant;
import java.util.Map;

/** One sample of a soak run: the server process, its database and the interval's traffic. */
record SoakSample(
        Instant at,
        double elapsed,
        long rssKb,
        long threads,
        long fds,
        long dbConnections,
        Map<String, Long> dbByState,
        double requestsPerSecond,
        double okPerSecond,
        double refusedPerSecond,
        double busyPerSecond,
        long unexpected,
        long ioErrors,
        double p50Ms,
        double p99Ms,
        long sales,
        long sseEvents,
        double serverCpuSeconds,
        double loadAverage) {

    /**
     * The sample at {@code at}, {@code elapsed} seconds into the run, of an interval of {@code seconds}; {@code sales}
     * and {@code sseEvents} are the run's totals so far.
     */
    static SoakSample of(
            Instant at,
            double elapsed,
            double seconds,
            ProcessSampler.Reading server,
            SoakTally.Interval interval,
            long sales,
            long sseEvents) {
        return new SoakSample(
                at,
                elapsed,
                server.rssKb(),
                server.threads(),
                server.fds(),
                server.dbConnections(),
                server.dbByState(),
                interval.all() / seconds,
                interval.ok() / seconds,
                interval.refused() / seconds,
                interval.busy() / seconds,
                interval.unexpected(),
                interval.ioErrors(),
                interval.p50Ms(),
                interval.p99Ms(),
                sales,
                sseEvents,
                server.serverCpuSeconds(),
                server.loadAverage());
    }
}
