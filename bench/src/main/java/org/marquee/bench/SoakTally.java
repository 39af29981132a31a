package org.marquee.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a soak run counts, from all its terminals at once: every answer by outcome, per sample interval (reset at every
 * sample) and in total, the latencies of the interval and of each kind of request for the whole run, the answers outside
 * the contract with an example of each, and what the terminals did (sales, declines, refunds, SSE events...).
 */
final class SoakTally {

    /** How an answer counts. */
    enum Kind {
        OK,
        REFUSED,
        BUSY,
        UNEXPECTED,
        IO_ERROR
    }

    /** One interval's answers by outcome and its p50/p99, in ms (0 without answers). */
    record Interval(long ok, long refused, long busy, long unexpected, long ioErrors, double p50Ms, double p99Ms) {

        long all() {
            return ok + refused + busy + unexpected + ioErrors;
        }
    }

    private final LongAdder[] interval = adders();
    private final LongAdder[] totals = adders();
    private final Recorder intervalLatency = new Recorder(60_000_000L, 3);
    private final Map<String, Histogram> latencyByRequest = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unexpectedByRequest = new ConcurrentHashMap<>();
    private final Map<String, String> unexpectedSample = new ConcurrentHashMap<>();

    // what the terminals did
    final LongAdder sales = new LongAdder();
    final LongAdder cardSales = new LongAdder();
    final LongAdder cashSales = new LongAdder();
    final LongAdder declines = new LongAdder();
    final LongAdder releases = new LongAdder();
    final LongAdder seatChanges = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder retryMismatches = new LongAdder();
    final LongAdder refunds = new LongAdder();
    final LongAdder sseEvents = new LongAdder();
    final LongAdder sseConnects = new LongAdder();
    final LongAdder sseDrops = new LongAdder();

    // false once the server answered a best-available hold with 422 (it has no DESIGN §8 best available)
    private volatile boolean bestAvailable = true;

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Kind.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** Sends a request on {@code http} and counts its answer; on an I/O error the connection is closed. */
    MiniHttp.Answer exchange(
            String label, MiniHttp http, String method, String path, String headers, String body, int... expected)
            throws IOException {
        long begin = System.nanoTime();
        MiniHttp.Answer answer;
        try {
            answer = http.exchange(method, path, headers, body);
        } catch (IOException e) {
            http.close();
            throw e;
        }
        answer(label, answer.status(), System.nanoTime() - begin, answer.body(), expected);
        return answer;
    }

    /** Counts an answer: its latency, and its outcome against the statuses of the contract ({@code expected}). */
    void answer(String label, int status, long nanos, String body, int... expected) {
        long micros = Math.min(nanos / 1_000, 59_999_999L);
        intervalLatency.recordValue(micros);
        latencyByRequest
                .computeIfAbsent(label, l -> new ConcurrentHistogram(60_000_000L, 3))
                .recordValue(micros);
        boolean contract = false;
        for (int e : expected) {
            contract |= e == status;
        }
        if (status == 429 || status == 503) {
            count(Kind.BUSY);
        } else if (!contract) {
            count(Kind.UNEXPECTED);
            unexpected(label + " " + status, body);
        } else if (status < 400) {
            count(Kind.OK);
        } else {
            count(Kind.REFUSED);
        }
    }

    void count(Kind kind) {
        interval[kind.ordinal()].increment();
        totals[kind.ordinal()].increment();
    }

    /** Remembers something outside the contract, with the first example of it (up to 300 characters). */
    void unexpected(String what, String sample) {
        unexpectedByRequest.computeIfAbsent(what, w -> new LongAdder()).increment();
        if (sample != null) {
            unexpectedSample.putIfAbsent(what, sample.length() > 300 ? sample.substring(0, 300) : sample);
        }
    }

    void bestAvailableNotOffered() {
        bestAvailable = false;
    }

    boolean bestAvailable() {
        return bestAvailable;
    }

    // ---- intervals ----

    /** Starts the first interval: what was counted before is left out of it. */
    void startInterval() {
        intervalLatency.reset();
        for (LongAdder a : interval) {
            a.reset();
        }
    }

    /** The interval since the last call (or {@link #startInterval}), and starts the next one. */
    Interval takeInterval() {
        long[] counts = new long[Kind.values().length];
        for (Kind k : Kind.values()) {
            counts[k.ordinal()] = interval[k.ordinal()].sumThenReset();
        }
        Histogram latency = intervalLatency.getIntervalHistogram();
        return new Interval(
                counts[Kind.OK.ordinal()],
                counts[Kind.REFUSED.ordinal()],
                counts[Kind.BUSY.ordinal()],
                counts[Kind.UNEXPECTED.ordinal()],
                counts[Kind.IO_ERROR.ordinal()],
                latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(50) / 1e3,
                latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(99) / 1e3);
    }

    // ---- the whole run ----

    long total(Kind kind) {
        return totals[kind.ordinal()].sum();
    }

    long totalRequests() {
        long all = 0;
        for (LongAdder t : totals) {
            all += t.sum();
        }
        return all;
    }

    /** Latencies of each kind of request (by label), for the whole run. */
    Map<String, Histogram> latencyByRequest() {
        return latencyByRequest;
    }

    /** How often each thing outside the contract happened. */
    Map<String, LongAdder> unexpectedByRequest() {
        return unexpectedByRequest;
    }

    String unexpectedSample(String what) {
        return unexpectedSample.getOrDefault(what, "");
    }
}
