package org.marquee.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatType;
import org.marquee.model.TheaterInfo;
import org.marquee.server.MarqueeServer;
import org.marquee.server.ServerConfig;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestPostgres;
import org.marquee.server.testing.TestServer;
import org.marquee.server.web.Json;

/** The demo fixture keeps the promises of DESIGN §2 that tests and docs rely on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFixtureTest {

    private TestServer server;
    private Jdbi db;
    private CatalogChanges catalog;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start("demo_fixture", TestServer.Options.defaults().kiosks(6));
        db = server.jdbi();
        catalog = Json.MAPPER.readValue(
                ok(server.kiosk(1).get("/catalog/changes?since=0")).body(), CatalogChanges.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void threeTheatersInOneCityAFewKilometresApart() {
        List<TheaterInfo> theaters = catalog.theaters();
        assertThat(theaters).hasSize(3);
        for (TheaterInfo a : theaters) {
            for (TheaterInfo b : theaters) {
                if (a.id() < b.id()) {
                    assertThat(distanceKm(a, b))
                            .as(a.name() + " to " + b.name())
                            .isBetween(0.3, 10.0);
                }
            }
        }
        assertThat(theaters).extracting(TheaterInfo::timeZone).containsOnly("Europe/Madrid");
    }

    @Test
    void everyTheaterHasTwoOrThreeAuditoriums() {
        Map<Long, Long> rooms = catalog.auditoriums().stream()
                .collect(Collectors.groupingBy(AuditoriumInfo::theaterId, Collectors.counting()));
        assertThat(rooms.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        catalog.theaters().stream().map(TheaterInfo::id).toList());
        assertThat(rooms.values()).allSatisfy(count -> assertThat(count).isBetween(2L, 3L));
    }

    @Test
    void oneBigAuditoriumHasAnAisleWheelchairAndCompanionSeatsAndAPremiumRow() {
        List<String> big = catalog.auditoriums().stream()
                .filter(a -> a.seatCount() >= 300)
                .filter(a -> hasAisle(SeatLayout.parse(a.layout())))
                .filter(a -> hasType(SeatLayout.parse(a.layout()), SeatType.WHEELCHAIR))
                .filter(a -> hasType(SeatLayout.parse(a.layout()), SeatType.COMPANION))
                .filter(a -> hasFullPremiumRow(SeatLayout.parse(a.layout())))
                .map(AuditoriumInfo::name)
                .toList();
        assertThat(big).isNotEmpty();
    }

    @Test
    void sixMovies() {
        assertThat(catalog.movies()).hasSize(6).allSatisfy(movie -> {
            assertThat(movie.title()).isNotBlank();
            assertThat(movie.runtimeMinutes()).isPositive();
            assertThat(movie.genres()).isNotEmpty();
        });
    }

    @Test
    void showtimesForTodayAndTheNextSixDaysInEveryTheater() {
        // "today" is the day the fixture was loaded, where the theaters are
        LocalDate today = db.withHandle(h -> h.createQuery("select (cast(value as timestamptz) at time zone"
                        + " 'Europe/Madrid')::date from server_settings where key = 'demo_fixture_loaded'")
                .mapTo(LocalDate.class)
                .one());
        for (TheaterInfo theater : catalog.theaters()) {
            for (int day = 0; day <= 6; day++) {
                LocalDate date = today.plusDays(day);
                JsonNode showtimes = ok(server.kiosk(1).get("/theaters/" + theater.id() + "/showtimes?date=" + date))
                        .json();
                assertThat(showtimes).as(theater.name() + " on " + date).isNotEmpty();
            }
        }
    }

    @Test
    void demoTerminalsAreThereUpToTheKioskCount() {
        assertThat(server.kiosk(1).get("/theaters").status()).isEqualTo(200);
        assertThat(server.kiosk(6).get("/theaters").status()).isEqualTo(200);
        assertThat(server.counter().get("/theaters").status()).isEqualTo(200);
        Answer seventh = server.kiosk(7).get("/theaters");
        assertThat(seventh.status()).isEqualTo(401);
        assertThat(seventh.errorCode()).isEqualTo("UNAUTHORIZED");

        Map<String, String> kinds = db.withHandle(h -> h
                .createQuery("select name, kind from terminals")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(kinds)
                .containsEntry("demo-kiosk-1", "KIOSK")
                .containsEntry("demo-kiosk-6", "KIOSK")
                .containsEntry("demo-counter-1", "COUNTER")
                .hasSize(7);
        // only a hash of each token is stored
        assertThat(count(db, "select count(*) from terminals where token_hash = name"))
                .isZero();
    }

    @Test
    void staffHaveBcryptHashesOfTheirPins() {
        record Staff(String username, String role, String pinHash) {}
        Map<String, Staff> staff = db
                .withHandle(h -> h.createQuery("select username, role, pin_hash from staff")
                        .map((rs, ctx) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Staff::username, s -> s));
        assertThat(staff.keySet()).containsExactlyInAnyOrder("alice", "morgan");
        assertThat(staff.get("alice").role()).isEqualTo("CLERK");
        assertThat(staff.get("morgan").role()).isEqualTo("MANAGER");
        Map<String, String> pins = Map.of("alice", "1234", "morgan", "9999");
        pins.forEach((username, pin) -> {
            String hash = staff.get(username).pinHash();
            assertThat(hash).startsWith("$2").doesNotContain(pin).isNotEqualTo(pin);
            assertThat(BCrypt.verifyer().verify(pin.toCharArray(), hash).verified)
                    .as("PIN of " + username)
                    .isTrue();
            assertThat(BCrypt.verifyer().verify("0000".toCharArray(), hash).verified)
                    .isFalse();
        });
    }

    @Test
    void aRestartWithTheDemoFlagKeepsWhatIsThere() {
        String url = TestPostgres.newDatabase("demo_restart");
        Fingerprint before;
        String holdId;
        try (TestServer first = TestServer.startOn(url, TestServer.Options.defaults())) {
            before = fingerprint(first.jdbi());
            long showtime = first.bigHallShowtime();
            Answer hold =
                    first.kiosk(1).post("/holds", "{\"showtimeId\": " + showtime + ", \"seatIds\": [\"F7\", \"F8\"]}");
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            holdId = hold.json().path("holdId").asText();
        }
        try (TestServer second = TestServer.startOn(url, TestServer.Options.defaults())) {
            assertThat(fingerprint(second.jdbi())).isEqualTo(before);
            JsonNode hold = ok(second.kiosk(1).get("/holds/" + holdId)).json();
            assertThat(hold.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(hold.path("seatIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder("F7", "F8");
            JsonNode seats = ok(second.kiosk(2).get("/showtimes/" + second.bigHallShowtime() + "/seats"))
                    .json()
                    .path("seats");
            List<String> held = new ArrayList<>();
            seats.forEach(s -> {
                if (s.path("status").asText().equals("HELD")) {
                    held.add(s.path("id").asText());
                }
            });
            assertThat(held).containsExactlyInAnyOrder("F7", "F8");
        }
    }

    @Test
    void twoInstancesStartingAtOnceOnAFreshDatabaseLoadOneCopy() throws Exception {
        String url = TestPostgres.newDatabase("demo_twice");
        CyclicBarrier together = new CyclicBarrier(2);
        List<TestServer> started = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<TestServer>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> {
                    together.await();
                    return TestServer.startOn(url, TestServer.Options.defaults());
                }));
            }
            List<Exception> failures = new ArrayList<>();
            for (Future<TestServer> start : starts) {
                try {
                    started.add(start.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e);
                }
            }
            try {
                assertThat(failures).as("instances that failed to start").isEmpty();
                Fingerprint loaded = fingerprint(started.getFirst().jdbi());
                assertThat(loaded.theaterIds()).hasSize(3);
                assertThat(loaded.auditoriumIds()).hasSize(8);
                assertThat(loaded.movieIds()).hasSize(6);
                assertThat(loaded.showtimes())
                        .isEqualTo(DemoFixture.schedule(LocalDate.now(DemoFixture.ZONE))
                                .size());
                assertThat(loaded.terminalNames())
                        .containsExactlyInAnyOrder(
                                "demo-kiosk-1", "demo-kiosk-2", "demo-kiosk-3", "demo-kiosk-4", "demo-counter-1");
                assertThat(loaded.staff()).hasSize(2);
                for (TestServer instance : started) {
                    assertThat(ok(instance.kiosk(1).get("/theaters")).json()).hasSize(3);
                }
            } finally {
                started.forEach(TestServer::close);
            }
        }
    }

    @Test
    void aProductionStartHasNoDemoTokens() {
        String url = TestPostgres.newDatabase("production");
        var config = new ServerConfig(
                "127.0.0.1",
                0,
                new DatabaseSettings(url, "postgres", "postgres", TestServer.DATA_DIR, 4),
                false,
                4,
                HoldPolicy.of(Duration.ofMinutes(8), Duration.ofMinutes(20)),
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                null);
        try (MarqueeServer production = MarqueeServer.start(config)) {
            var base = java.net.URI.create("http://127.0.0.1:" + production.port());
            assertThat(new ApiClient(base, null).get("/health").status()).isEqualTo(200);
            for (String token : List.of("demo-kiosk-1", "demo-counter-1")) {
                Answer answer = new ApiClient(base, token).get("/theaters");
                assertThat(answer.status()).as(token).isEqualTo(401);
                assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
            }
            Jdbi productionDb = Jdbi.create(url, "postgres", "postgres");
            for (String table : List.of("terminals", "staff", "theaters", "movies", "showtimes")) {
                assertThat(count(productionDb, "select count(*) from " + table))
                        .as(table)
                        .isZero();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** What a restart or a second instance must leave exactly as it was. */
    record Fingerprint(
            List<Long> theaterIds,
            List<Long> auditoriumIds,
            List<Long> movieIds,
            long showtimes,
            long showtimeIdSum,
            List<String> terminals,
            List<String> staff) {

        List<String> terminalNames() {
            return terminals.stream().map(t -> t.substring(0, t.indexOf(':'))).toList();
        }
    }

    private static Fingerprint fingerprint(Jdbi jdbi) {
        return jdbi.withHandle(h -> new Fingerprint(
                h.createQuery("select id from theaters order by id")
                        .mapTo(Long.class)
                        .list(),
                h.createQuery("select id from auditoriums order by id")
                        .mapTo(Long.class)
                        .list(),
                h.createQuery("select id from movies order by id")
                        .mapTo(Long.class)
                        .list(),
                h.createQuery("select count(*) from showtimes")
                        .mapTo(Long.class)
                        .one(),
                h.createQuery("select coalesce(sum(id), 0) from showtimes")
                        .mapTo(Long.class)
                        .one(),
                h.createQuery(
                                "select name || ':' || id || ':' || kind || ':' || token_hash from terminals order by name")
                        .mapTo(String.class)
                        .list(),
                h.createQuery("select username || ':' || pin_hash from staff order by username")
                        .mapTo(String.class)
                        .list()));
    }

    private static boolean hasAisle(SeatLayout layout) {
        Set<Integer> columns = layout.seats().stream().map(SeatDefinition::x).collect(Collectors.toSet());
        int min = columns.stream().min(Integer::compare).orElseThrow();
        int max = columns.stream().max(Integer::compare).orElseThrow();
        // a column with no seat in any row, between seats
        for (int x = min + 1; x < max; x++) {
            if (!columns.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(SeatLayout layout, SeatType type) {
        return layout.seats().stream().anyMatch(seat -> seat.type() == type);
    }

    private static boolean hasFullPremiumRow(SeatLayout layout) {
        return layout.seats().stream().collect(Collectors.groupingBy(SeatDefinition::row)).values().stream()
                .anyMatch(row -> row.stream().allMatch(seat -> seat.type() == SeatType.PREMIUM));
    }

    private static double distanceKm(TheaterInfo a, TheaterInfo b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }
}
