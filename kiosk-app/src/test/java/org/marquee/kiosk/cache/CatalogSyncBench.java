package org.marquee.kiosk.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.CatalogDeletion;
import org.marquee.model.MovieInfo;
import org.marquee.model.ShowtimeInfo;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TheaterInfo;

/**
 * How long the kiosk's H2 cache takes to apply a full catalog of 10,000 showtimes (three theaters, eight auditoriums,
 * twelve movies, like the demo) and then a delta of 100 changed showtimes: {@link CatalogWriter#validate} plus {@link
 * CatalogCache#apply}, each in its own transaction on a file database, as {@link CatalogSync} does after the fetch.
 * The answers are built in memory: this measures the cache, not the network or the JSON decoding. Medians of 9 runs
 * after 3 warm-ups, each full sync into a new, empty cache. It asserts nothing. From the repository's root:
 *
 * <pre>
 * ./mvnw -q -B -pl kiosk-app test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp kiosk-app/target/test-classes:kiosk-app/target/classes:$(cat kiosk-app/target/test.classpath) \
 *     org.marquee.kiosk.cache.CatalogSyncBench
 * </pre>
 */
public final class CatalogSyncBench {

    private static final int SHOWTIMES = 10_000;
    private static final int DELTA = 100;
    private static final int WARMUP = 3;
    private static final int RUNS = 9;

    private CatalogSyncBench() {}

    public static void main(String[] args) throws Exception {
        CatalogChanges full = fullCatalog();
        CatalogChanges delta = delta(full);
        List<Double> fullMs = new ArrayList<>();
        List<Double> deltaMs = new ArrayList<>();
        for (int run = 0; run < WARMUP + RUNS; run++) {
            Path dir = Files.createTempDirectory("catalog-bench");
            try (CatalogCache cache = CatalogCache.open(dir)) {
                long t0 = System.nanoTime();
                CatalogWriter.validate(full);
                cache.apply(full, true);
                long t1 = System.nanoTime();
                CatalogWriter.validate(delta);
                cache.apply(delta, false);
                long t2 = System.nanoTime();
                if (cache.counts().showtimes() != SHOWTIMES - (DELTA - 90)) {
                    throw new IllegalStateException("cache holds " + cache.counts());
                }
                if (run >= WARMUP) {
                    fullMs.add((t1 - t0) / 1e6);
                    deltaMs.add((t2 - t1) / 1e6);
                }
            } finally {
                deleteTree(dir);
            }
        }
        System.out.printf(
                "catalog sync into H2: full %d showtimes median %.1f ms (runs %s); delta %d changes median %.1f ms"
                        + " (runs %s)%n",
                SHOWTIMES, median(fullMs), rounded(fullMs), DELTA, median(deltaMs), rounded(deltaMs));
    }

    static CatalogChanges fullCatalog() {
        List<TheaterInfo> theaters = List.of(
                new TheaterInfo(1, "Gran Vía", "Gran Vía 66", 40.42, -3.70, "Europe/Madrid"),
                new TheaterInfo(2, "Alcalá", "Calle de Alcalá 100", 40.42, -3.68, "Europe/Madrid"),
                new TheaterInfo(3, "Chamberí", "Calle de Fuencarral 120", 40.43, -3.70, "Europe/Madrid"));
        List<AuditoriumInfo> auditoriums = new ArrayList<>();
        int[][] rooms = {
            {1, 14, 22}, {1, 10, 14}, {1, 8, 10}, {2, 12, 14}, {2, 9, 10}, {3, 13, 16}, {3, 10, 12}, {3, 6, 10}
        };
        for (int i = 0; i < rooms.length; i++) {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < rooms[i][1]; r++) {
                rows.add((char) ('A' + r) + ":" + String.join("", Collections.nCopies(rooms[i][2], "S")));
            }
            auditoriums.add(new AuditoriumInfo(i + 1, rooms[i][0], "Sala " + (i + 1), rows, rooms[i][1] * rooms[i][2]));
        }
        List<MovieInfo> movies = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            movies.add(new MovieInfo(
                    m, "Movie " + m, 90 + m, "PG-13", List.of("Drama", "Comedy"), "A synopsis of movie " + m, null));
        }
        List<ShowtimeInfo> showtimes = new ArrayList<>(SHOWTIMES);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        for (int s = 0; s < SHOWTIMES; s++) {
            int auditorium = s % auditoriums.size() + 1;
            int slot = s / auditoriums.size();
            Instant at = start.plus(Duration.ofDays(slot / 5)).plus(Duration.ofMinutes(600 + 150L * (slot % 5)));
            showtimes.add(new ShowtimeInfo(s + 1, s % 12 + 1, auditorium, at, "2D", ShowtimeStatus.ON_SALE));
        }
        return new CatalogChanges("1000", theaters, auditoriums, movies, showtimes, List.of());
    }

    /** 90 showtimes moved to another format and 10 deleted: 100 changes. */
    static CatalogChanges delta(CatalogChanges full) {
        List<ShowtimeInfo> changed = new ArrayList<>();
        List<CatalogDeletion> deleted = new ArrayList<>();
        for (int i = 0; i < DELTA; i++) {
            ShowtimeInfo s = full.showtimes().get(i * 97);
            if (i < 90) {
                changed.add(new ShowtimeInfo(s.id(), s.movieId(), s.auditoriumId(), s.startsAt(), "3D", s.status()));
            } else {
                deleted.add(new CatalogDeletion("SHOWTIME", s.id()));
            }
        }
        return new CatalogChanges("1001", List.of(), List.of(), List.of(), changed, deleted);
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
