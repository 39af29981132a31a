package org.marquee.kiosk.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.CatalogDeletion;
import org.marquee.model.MovieInfo;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimeInfo;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TheaterInfo;

/** The cache on a real H2 file, filled with answers written by hand (the server's answers: CatalogSyncTest). */
class CatalogCacheTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY = LocalDate.now(MADRID).plusDays(3);

    @TempDir
    Path dataDir;

    static CatalogChanges catalog(String cursor) {
        TheaterInfo theater = new TheaterInfo(1, "Gran Vía", "Gran Vía 66", 40.4, -3.7, "Europe/Madrid");
        TheaterInfo other = new TheaterInfo(2, "Alcalá", "Calle de Alcalá 1", 40.41, -3.69, "Europe/Madrid");
        AuditoriumInfo sala1 = new AuditoriumInfo(10, 1, "Sala 1", List.of("A:WC.SS", "B:SSXS", "C:PPPP"), 11);
        AuditoriumInfo sala2 = new AuditoriumInfo(20, 2, "Sala 2", List.of("A:SSSS"), 4);
        MovieInfo lighthouse =
                new MovieInfo(100, "The Last Lighthouse", 118, "PG-13", List.of("Drama", "Mystery"), "A keeper…", null);
        MovieInfo comet = new MovieInfo(200, "Comet Summer", 95, "G", List.of(), null, "http://posters/comet.png");
        return new CatalogChanges(
                cursor,
                List.of(theater, other),
                List.of(sala1, sala2),
                List.of(lighthouse, comet),
                List.of(
                        // 00:30 in Madrid is the evening before in UTC: still this day at the theater
                        showtime(1000, 100, 10, DAY.atTime(LocalTime.of(0, 30))),
                        showtime(1001, 200, 10, DAY.atTime(LocalTime.of(20, 0))),
                        showtime(1002, 100, 10, DAY.atTime(LocalTime.of(18, 0))),
                        showtime(1003, 100, 10, DAY.plusDays(1).atTime(LocalTime.of(0, 10))),
                        showtime(1004, 100, 20, DAY.atTime(LocalTime.of(18, 0)))),
                List.of());
    }

    static ShowtimeInfo showtime(long id, long movie, long auditorium, java.time.LocalDateTime local) {
        return new ShowtimeInfo(id, movie, auditorium, local.atZone(MADRID).toInstant(), "2D", ShowtimeStatus.ON_SALE);
    }

    @Test
    void anEmptyCacheHasNothingAndNoCursor() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            assertThat(cache.counts().empty()).isTrue();
            assertThat(cache.cursor()).isEmpty();
            assertThat(cache.lastSynced()).isEmpty();
            assertThat(cache.theaters()).isEmpty();
            assertThat(cache.showtimesOn(1, DAY, MADRID)).isEmpty();
        }
    }

    @Test
    void showtimesAreThoseOfTheDayInTheTheatersZoneByTitleAndTime() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);

            List<CachedShowtime> day = cache.showtimesOn(1, DAY, MADRID);

            assertThat(day).extracting(CachedShowtime::id).containsExactly(1001L, 1000L, 1002L);
            CachedShowtime first = day.get(1);
            assertThat(first.startsAt())
                    .isEqualTo(DAY.atTime(0, 30).atZone(MADRID).toInstant());
            assertThat(first.startsAt().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(DAY.minusDays(1));
            assertThat(first.theaterId()).isEqualTo(1);
            assertThat(first.movie().genres()).containsExactly("Drama", "Mystery");
            assertThat(first.auditorium().name()).isEqualTo("Sala 1");
            assertThat(first.seatsTotal()).isEqualTo(11); // 12 seats, one out of service
            assertThat(first.toListing().seatsAvailable()).isEqualTo(CachedShowtime.SEATS_UNKNOWN);
            assertThat(first.toListing().movie().title()).isEqualTo("The Last Lighthouse");
            assertThat(cache.showtimesOn(1, DAY, ZoneOffset.UTC))
                    .extracting(CachedShowtime::id)
                    .containsExactly(1001L, 1002L, 1003L);
        }
    }

    @Test
    void readsOneOfEachKind() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);

            assertThat(cache.theaters()).extracting(TheaterInfo::name).containsExactly("Alcalá", "Gran Vía");
            assertThat(cache.theater(1)).map(TheaterInfo::timeZone).contains("Europe/Madrid");
            assertThat(cache.theater(99)).isEmpty();
            assertThat(cache.movie(200)).map(MovieInfo::posterUrl).contains("http://posters/comet.png");
            assertThat(cache.movie(200).orElseThrow().genres()).isEmpty();
            CachedAuditorium sala = cache.auditorium(10).orElseThrow();
            assertThat(sala.layout().rows()).containsExactly("A:WC.SS", "B:SSXS", "C:PPPP");
            assertThat(sala.seats()).hasSize(12);
            assertThat(sala.seats().getFirst().type()).isEqualTo(SeatType.WHEELCHAIR);
            assertThat(sala.seatsTotal()).isEqualTo(11);
            assertThat(cache.showtime(1004)).map(CachedShowtime::theaterId).contains(2L);
            assertThat(cache.cursor()).contains("7");
            assertThat(cache.lastSynced().orElseThrow()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        }
    }

    @Test
    void deltasAreUpsertsAndDeletionsAndApplyingTwiceIsHarmless() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);
            CatalogChanges delta = new CatalogChanges(
                    "9",
                    List.of(new TheaterInfo(2, "Alcalá Renovado", "Calle de Alcalá 1", 40.41, -3.69, "Europe/Madrid")),
                    List.of(),
                    List.of(),
                    List.of(new ShowtimeInfo(
                            1002,
                            100,
                            10,
                            DAY.atTime(19, 0).atZone(MADRID).toInstant(),
                            "3D",
                            ShowtimeStatus.CANCELLED)),
                    List.of(
                            new CatalogDeletion("SHOWTIME", 1001),
                            new CatalogDeletion("MOVIE", 999),
                            new CatalogDeletion("POSTER", 1)));

            SyncResult first = cache.apply(delta, false);
            SyncResult again = cache.apply(delta, false);

            assertThat(first.deleted()).isEqualTo(1);
            assertThat(again.deleted()).isZero();
            assertThat(cache.theater(2)).map(TheaterInfo::name).contains("Alcalá Renovado");
            assertThat(cache.showtimesOn(1, DAY, MADRID))
                    .extracting(CachedShowtime::id, CachedShowtime::format, CachedShowtime::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1000L, "2D", ShowtimeStatus.ON_SALE),
                            org.assertj.core.groups.Tuple.tuple(1002L, "3D", ShowtimeStatus.CANCELLED));
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(2, 2, 2, 4));
            assertThat(cache.cursor()).contains("9");
        }
    }

    @Test
    void aFullCopyReplacesWhatWasThere() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);
            CatalogChanges smaller = new CatalogChanges(
                    "3", List.of(catalog("x").theaters().getFirst()), List.of(), List.of(), List.of(), List.of());

            SyncResult result = cache.apply(smaller, true);

            assertThat(result.full()).isTrue();
            assertThat(cache.counts()).isEqualTo(new CatalogCounts(1, 0, 0, 0));
        }
    }

    @Test
    void showtimesLongPastAreDropped() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
            CatalogChanges old = new CatalogChanges(
                    "7",
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(new ShowtimeInfo(5, 100, 10, lastWeek, "2D", ShowtimeStatus.ON_SALE)),
                    List.of());

            cache.apply(old, false);

            assertThat(cache.counts().showtimes()).isZero();
        }
    }

    @Test
    void aCacheOpenedAgainOnTheSameFileKeepsItsData() {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);
        }
        try (CatalogCache reopened = CatalogCache.open(dataDir)) {
            assertThat(reopened.counts()).isEqualTo(new CatalogCounts(2, 2, 2, 5));
            assertThat(reopened.cursor()).contains("7");
        }
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheCacheStartsEmpty() throws Exception {
        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            cache.apply(catalog("7"), true);
        }
        Path file = dataDir.resolve("cache/catalog.mv.db");
        assertThat(file).exists();
        Files.write(
                file,
                "this is not an H2 database, just some bytes in its place"
                        .repeat(100)
                        .getBytes());

        try (CatalogCache cache = CatalogCache.open(dataDir)) {
            assertThat(cache.counts().empty()).isTrue();
            assertThat(cache.cursor()).isEmpty();
        }
        try (var files = Files.list(dataDir.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("catalog.mv.db.damaged-"));
        }
    }
}
