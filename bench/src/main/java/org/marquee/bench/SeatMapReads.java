package org.marquee.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Seat-map reads per second of one showtime, round after round: {@code GET /showtimes/{id}/seats} without and with
 * {@code If-None-Match}, beside the naive baseline done through JDBC with the server's pool size: per request the
 * auditorium's layout, one row per seat joined with its claim, and the JSON built from them.
 */
@Command(
        name = "reads",
        mixinStandardHelpOptions = true,
        description = "Seat-map reads/s with and without ETag, beside a row-per-seat query per request.")
final class SeatMapReads implements Callable<Integer> {

    private static final String ROW_PER_SEAT = """
            select s.seat, c.state, c.expires_at > now() as live, c.version
              from unnest(cast(? as text[])) as s (seat)
              left join seat_claims c on c.showtime_id = ? and c.seat_id = s.seat""";

    @Mixin
    Target target;

    @Option(
            names = "--baseline-server",
            description = "A second server on the same database started with -Dmarquee.seatmaps.fromMemory=false:"
                    + " its phases run beside --server's in each round (before/after decision 0029).")
    String baselineServer;

    @Option(
            names = "--wrk",
            description = "Run the HTTP phases with wrk (apt-get install wrk) instead of the generator's own clients:"
                    + " it takes far less of the CPU the server is measured on. The naive phase is unchanged.")
    boolean wrk;

    private MiniHttp[] baselineConnections;

    /** The last xact_commit sample: the end of one phase is the start of the next. */
    private Long lastSample;

    @Override
    public Integer call() throws Exception {
        if (wrk && !WrkRun.available()) {
            System.err.println("--wrk: wrk is not installed here (apt-get install wrk)");
            return 2;
        }
        long showtimeId = target.showtimeId();
        String path = "/showtimes/" + showtimeId + "/seats";
        int poolSize = target.poolSize();
        System.out.printf(
                "showtime %d, %d clients, %d s measured per phase after %d s warm-up, naive pool %d%s%n",
                showtimeId,
                target.clients,
                target.seconds,
                target.warmup,
                poolSize,
                baselineServer == null ? "" : ", baseline " + baselineServer);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> transactions = new LinkedHashMap<>();
        try (HikariDataSource db = target.dataSource(poolSize)) {
            for (int round = 1; round <= target.rounds; round++) {
                Map<String, Double> thisRound = new LinkedHashMap<>();
                for (boolean withEtag : new boolean[] {false, true}) {
                    if (baselineServer != null) {
                        phase(db, round, withEtag, true, path, rates, transactions, thisRound);
                    }
                    phase(db, round, withEtag, false, path, rates, transactions, thisRound);
                }
                AtomicLong naiveReads = new AtomicLong();
                long xactBefore = lastSample != null ? lastSample : transactions(db);
                Phase.Result c = Phase.run("naive", target.clients, target.warmup, target.seconds, (client, r) -> {
                    naiveRead(db, showtimeId);
                    naiveReads.incrementAndGet();
                    return Phase.Outcome.OK;
                });
                double naive = c.perSecond(Phase.Outcome.OK);
                double naiveXact = perThousand((lastSample = transactions(db)) - xactBefore, naiveReads.get());
                record(rates, transactions, thisRound, "naive JDBC", naive, naiveXact);
                System.out.printf(
                        "round %d  naive JDBC      : %,.0f reads/s (%s), %s, %.0f transactions per 1,000 reads%n",
                        round, naive, c.countsText(), Target.latencies(c.latency()), naiveXact);
                StringBuilder ratios = new StringBuilder("round " + round + "  ratios:");
                for (Map.Entry<String, Double> e : thisRound.entrySet()) {
                    ratios.append(String.format(" %s/naive %.1f", e.getKey(), e.getValue() / naive));
                }
                if (baselineServer != null) {
                    ratios.append(String.format(
                            " | memory/probe: full %.2f, etag %.2f",
                            thisRound.get("full 200") / thisRound.get("full 200 probe"),
                            thisRound.get("etag 304") / thisRound.get("etag 304 probe")));
                }
                System.out.println(ratios);
            }
        }
        StringBuilder median = new StringBuilder("MEDIAN reads clients=" + target.clients + ":");
        for (String phase : rates.keySet()) {
            median.append(String.format(
                    " %s %,.0f/s (%.1f xact/1000)",
                    phase, Target.median(rates.get(phase)), Target.median(transactions.get(phase))));
        }
        if (baselineServer != null) {
            median.append(String.format(
                    "; memory/probe full %.2f, etag %.2f",
                    Target.median(rates.get("full 200")) / Target.median(rates.get("full 200 probe")),
                    Target.median(rates.get("etag 304")) / Target.median(rates.get("etag 304 probe"))));
        }
        System.out.println(median);
        return 0;
    }

    private void phase(
            HikariDataSource db,
            int round,
            boolean withEtag,
            boolean baseline,
            String path,
            Map<String, List<Double>> rates,
            Map<String, List<Double>> transactions,
            Map<String, Double> thisRound)
            throws Exception {
        String name = (withEtag ? "etag 304" : "full 200") + (baseline ? " probe" : "");
        String version = withEtag ? connection(0, baseline).get(path, null).etag() : null;
        long xactBefore = lastSample != null ? lastSample : transactions(db);
        String url = baseline ? baselineServer : target.server;
        long checkoutsBefore = poolCheckouts(url);
        Served served =
                wrk ? byWrk(name, url, withEtag, baseline, path, version) : byClients(name, baseline, path, version);
        double checkouts = 1000.0 * Math.max(0, poolCheckouts(url) - checkoutsBefore) / Math.max(1, served.reads());
        double xact = perThousand((lastSample = transactions(db)) - xactBefore, served.reads());
        record(rates, transactions, thisRound, name, served.rate(), xact);
        System.out.printf(
                "round %d  %-15s : %,.0f reads/s %s, per 1,000 reads: %.1f database transactions,"
                        + " %.1f pool checkouts by the server%n",
                round, name, served.rate(), served.what(), xact, checkouts);
    }

    /** Reads served per second, all requests sent (warm-up included, as the database deltas are), and how it went. */
    private record Served(double rate, long reads, String what) {}

    private Served byClients(String name, boolean baseline, String path, String version) throws Exception {
        AtomicLong reads = new AtomicLong();
        Phase.Result result = Phase.run(name, target.clients, target.warmup, target.seconds, (client, r) -> {
            int status = connection(client, baseline).get(path, version).status();
            reads.incrementAndGet();
            return switch (status) {
                case 304 -> Phase.Outcome.NOT_MODIFIED;
                case 200 -> Phase.Outcome.OK;
                default -> Phase.Outcome.ERROR;
            };
        });
        return new Served(
                result.perSecond(Phase.Outcome.OK, Phase.Outcome.NOT_MODIFIED),
                reads.get(),
                "(" + result.countsText() + "), " + Target.latencies(result.latency()));
    }

    private Served byWrk(String name, String url, boolean withEtag, boolean baseline, String path, String version)
            throws Exception {
        int expected = withEtag ? 304 : 200;
        int status = connection(0, baseline).get(path, version).status();
        if (status != expected) {
            throw new IllegalStateException(name + ": the server answered " + status + ", not " + expected);
        }
        WrkRun.Result run = WrkRun.run(url + "/api/v1" + path, target.clients, target.warmup, target.seconds, version);
        // only 2xx/3xx answers count as reads served
        return new Served(
                run.perSecond() * (run.requests() - run.errors()) / Math.max(1, run.requests()),
                run.requests() + run.warmupRequests(),
                "by wrk (" + run.requests() + " requests, " + run.errors() + " not 2xx/3xx), " + run.latencies());
    }

    private static void record(
            Map<String, List<Double>> rates,
            Map<String, List<Double>> transactions,
            Map<String, Double> thisRound,
            String name,
            double rate,
            double xact) {
        rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate);
        transactions.computeIfAbsent(name, k -> new ArrayList<>()).add(xact);
        thisRound.put(name, rate);
    }

    private synchronized MiniHttp connection(int client, boolean baseline) {
        if (!baseline) {
            return target.connection(client);
        }
        if (baselineConnections == null) {
            baselineConnections = new MiniHttp[target.clients];
        }
        if (baselineConnections[client] == null) {
            baselineConnections[client] = new MiniHttp(baselineServer, Target.token(client));
        }
        return baselineConnections[client];
    }

    /**
     * The database's committed transactions ({@code pg_stat_database.xact_commit}), after a pause: a busy backend
     * reports its counts at most once a second and an idle one within 10 s, so the pause lets the previous phase's
     * counts arrive before this sample.
     */
    static long transactions(HikariDataSource db) throws Exception {
        Thread.sleep(11_000);
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select xact_commit from pg_stat_database where datname = current_database()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            // this query's own transaction is not counted by the caller's delta: one per sample, subtracted
            return rs.getLong(1);
        }
    }

    /** The server's connection-pool checkouts so far ({@code hikaricp_connections_acquire_seconds_count}). */
    private long poolCheckouts(String server) throws Exception {
        var answer = target.http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server + "/api/v1/metrics"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("hikaricp_connections_acquire_seconds_count")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    static double perThousand(long transactions, long reads) {
        return reads == 0 ? 0 : 1000.0 * Math.max(0, transactions - 1) / reads;
    }

    /** What a server without snapshots would do per request: read the layout, one row per seat, build the JSON. */
    static byte[] naiveRead(HikariDataSource db, long showtimeId) throws Exception {
        try (Connection c = db.getConnection()) {
            SeatLayout layout;
            try (PreparedStatement s = c.prepareStatement("select a.layout from showtimes s"
                    + " join auditoriums a on a.id = s.auditorium_id where s.id = ?")) {
                s.setLong(1, showtimeId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    layout = SeatLayout.parse(List.of((String[]) rs.getArray(1).getArray()));
                }
            }
            Map<String, SeatStatus> status = new HashMap<>();
            long version = 0;
            try (PreparedStatement s = c.prepareStatement(ROW_PER_SEAT)) {
                s.setArray(
                        1,
                        c.createArrayOf(
                                "text",
                                layout.seats().stream().map(SeatDefinition::id).toArray()));
                s.setLong(2, showtimeId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(2);
                        SeatStatus st = state == null
                                ? SeatStatus.AVAILABLE
                                : state.equals("SOLD")
                                        ? SeatStatus.SOLD
                                        : state.equals("HELD") && rs.getBoolean(3)
                                                ? SeatStatus.HELD
                                                : SeatStatus.AVAILABLE;
                        status.put(rs.getString(1), st);
                        version = Math.max(version, rs.getLong(4));
                    }
                }
            }
            List<SeatView> seats = new ArrayList<>(layout.seats().size());
            for (SeatDefinition seat : layout.seats()) {
                seats.add(new SeatView(
                        seat.id(),
                        seat.row(),
                        seat.number(),
                        seat.x(),
                        seat.y(),
                        seat.type(),
                        seat.blocked() ? SeatStatus.BLOCKED : status.get(seat.id())));
            }
            return Target.JSON.writeValueAsBytes(new SeatMap(showtimeId, version, seats));
        }
    }
}
