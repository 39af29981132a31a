package org.marquee.kiosk.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.model.CatalogChanges;

/**
 * The catalog over the network (issue 17): a full {@code GET /catalog/changes?since=0} of a server holding 10,000
 * showtimes, fetched and decoded by the kiosk's {@link MarqueeClient} and applied by {@link CatalogSync} into a new,
 * empty H2 cache, as a kiosk's first start does. It first tops the server's database up to {@code --showtimes}
 * showtimes (in the demo's auditoriums, 15 minutes apart from 60 days ahead, so they clash with nothing), then runs 3
 * warm-ups and 9 measured syncs, each into a new cache folder, and prints the medians of the whole sync and of the
 * fetch and decode alone. It asserts nothing. From the repository's root, with a demo server running:
 *
 * <pre>
 * ./mvnw -q -B -pl kiosk-app test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp kiosk-app/target/test-classes:kiosk-app/target/classes:$(cat kiosk-app/target/test.classpath):$PGJDBC \
 *     org.marquee.kiosk.cache.CatalogNetworkBench http://localhost:8080 "$JDBC" [showtimes]
 * </pre>
 *
 * {@code $PGJDBC} is the PostgreSQL JDBC driver's jar (the kiosk does not ship it; it is used here only to add the
 * showtimes).
 */
public final class CatalogNetworkBench {

    private static final int WARMUP = 3;
    private static final int RUNS = 9;

    private CatalogNetworkBench() {}

    public static void main(String[] args) throws Exception {
        String server = args[0];
        String jdbc = args[1];
        int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int showtimes = topUp(jdbc, wanted);
        MarqueeClient client = new MarqueeClient(server, "demo-kiosk-1");
        List<Double> syncMs = new ArrayList<>();
        List<Double> fetchMs = new ArrayList<>();
        int received = 0;
        for (int run = 0; run < WARMUP + RUNS; run++) {
            long f0 = System.nanoTime();
            CatalogChanges fetched = client.catalogChanges(null);
            long f1 = System.nanoTime();
            received = fetched.showtimes().size();
            Path dir = Files.createTempDirectory("catalog-network-bench");
            try (CatalogCache cache = CatalogCache.open(dir);
                    CatalogSync sync = new CatalogSync(client, cache)) {
                long t0 = System.nanoTime();
                SyncResult result = sync.syncNow();
                long t1 = System.nanoTime();
                if (cache.counts().showtimes() < showtimes) {
                    throw new IllegalStateException("cache holds " + cache.counts() + " after " + result);
                }
                if (run >= WARMUP) {
                    syncMs.add((t1 - t0) / 1e6);
                    fetchMs.add((f1 - f0) / 1e6);
                }
            } finally {
                deleteTree(dir);
            }
        }
        System.out.printf(
                "catalog over the network: %d showtimes in the answer (%d in the database); full sync (fetch, decode,"
                        + " apply into a new H2 cache) median %.0f ms (runs %s); fetch and decode alone median %.0f ms"
                        + " (runs %s)%n",
                received, showtimes, median(syncMs), rounded(syncMs), median(fetchMs), rounded(fetchMs));
    }

    /** Adds showtimes until the database holds {@code wanted}; the count it holds then. */
    private static int topUp(String jdbc, int wanted) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            int have = count(s);
            if (have < wanted) {
                s.execute("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format)
                        select (select min(id) from movies) + n %% (select count(*) from movies),
                               a.id,
                               date_trunc('day', now()) + interval '60 days' + (n / a.cnt) * interval '15 minutes',
                               '2D'
                          from generate_series(0, %d) as n
                          join (select id, row_number() over (order by id) - 1 as pos, count(*) over () as cnt
                                  from auditoriums) a on a.pos = n %% a.cnt
                        on conflict (auditorium_id, starts_at) do nothing""".formatted(wanted - have - 1));
            }
            return count(s);
        }
    }

    private static int count(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from showtimes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
