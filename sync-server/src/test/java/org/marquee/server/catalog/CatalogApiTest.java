package org.marquee.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.CatalogChanges;
import org.marquee.model.CatalogDeletion;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;
import org.marquee.server.web.Json;

/**
 * Browsing as a terminal does it, against the demo fixture: theaters near a point, a theater's showtimes, the catalog
 * change feed, and seat maps with their ETag. Each test works on its own day or theater so that none sees another's
 * holds or catalog edits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogApiTest {

    private static final double SOL_LAT = 40.4168;
    private static final double SOL_LON = -3.7038;

    private TestServer server;
    private Jdbi db;
    private ApiClient kiosk;
    private LocalDate today;

    @BeforeAll
    void start() {
        server = TestServer.start("catalog_api", TestServer.Options.defaults());
        db = server.jdbi();
        kiosk = server.kiosk(1);
        today = LocalDate.now(DemoFixture.ZONE);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void withoutAPositionEveryTheaterIsListedByIdWithoutDistance() {
        JsonNode theaters = ok(kiosk.get("/theaters"));
        assertThat(theaters).hasSize(3);
        assertThat(names(theaters)).containsExactly("Marquee Gran Vía", "Marquee Retiro", "Marquee Chamberí");
        theaters.forEach(t -> assertThat(t.path("distanceKm").isNull()).isTrue());
    }

    @Test
    void nearPuertaDelSolTheNearestComesFirst() {
        JsonNode theaters = ok(kiosk.get("/theaters?near=" + SOL_LAT + "," + SOL_LON));
        assertThat(theaters).hasSize(3);
        assertThat(names(theaters).getFirst()).isEqualTo("Marquee Gran Vía");
        double previous = 0;
        for (JsonNode theater : theaters) {
            double distance = theater.path("distanceKm").asDouble();
            assertThat(distance).isBetween(previous, 5.0);
            double expected = haversineKm(
                    SOL_LAT,
                    SOL_LON,
                    theater.path("lat").asDouble(),
                    theater.path("lon").asDouble());
            assertThat(distance).as(theater.path("name").asText()).isCloseTo(expected, within(0.01));
            previous = distance;
        }
    }

    @Test
    void radiusLeavesOutTheatersFartherAway() {
        assertThat(names(ok(kiosk.get("/theaters?near=" + SOL_LAT + "," + SOL_LON + "&radiusKm=0.5"))))
                .isEmpty();
        assertThat(names(ok(kiosk.get("/theaters?near=" + SOL_LAT + "," + SOL_LON + "&radiusKm=1.2"))))
                .containsExactly("Marquee Gran Vía");
        JsonNode atGranVia = ok(kiosk.get("/theaters?near=40.4230,-3.7110&radiusKm=0.5"));
        assertThat(names(atGranVia)).containsExactly("Marquee Gran Vía");
        assertThat(atGranVia.get(0).path("distanceKm").asDouble()).isZero();
    }

    @Test
    void aDaysShowtimesAllStartThatDayWithEverySeatFree() {
        LocalDate tomorrow = today.plusDays(1);
        JsonNode showtimes = ok(kiosk.get("/theaters/1/showtimes?date=" + tomorrow));
        // three auditoriums, four screenings each
        assertThat(showtimes).hasSize(12);
        Map<String, Integer> sellable = DemoFixture.THEATERS.getFirst().rooms().stream()
                .collect(Collectors.toMap(DemoFixture.Room::name, DemoFixture.Room::sellableSeats));
        for (JsonNode s : showtimes) {
            Instant startsAt = Instant.parse(s.path("startsAt").asText());
            assertThat(startsAt.atZone(DemoFixture.ZONE).toLocalDate()).isEqualTo(tomorrow);
            assertThat(s.path("movie").path("id").asLong()).isPositive();
            assertThat(s.path("movie").path("title").asText()).isNotBlank();
            assertThat(s.path("movie").path("runtimeMinutes").asInt()).isPositive();
            assertThat(s.path("movie").path("rating").asText()).isNotBlank();
            assertThat(s.path("auditorium").path("id").asLong()).isPositive();
            String room = s.path("auditorium").path("name").asText();
            assertThat(sellable).containsKey(room);
            assertThat(s.path("format").asText()).isNotBlank();
            assertThat(s.path("seatsTotal").asInt())
                    .isEqualTo(sellable.get(room))
                    .isPositive();
            assertThat(s.path("seatsAvailable").asInt())
                    .isEqualTo(s.path("seatsTotal").asInt());
        }
    }

    @Test
    void aHoldTakesItsSeatsOutOfTheCountUntilReleased() {
        LocalDate day = today.plusDays(3);
        long showtime = ok(kiosk.get("/theaters/2/showtimes?date=" + day))
                .get(0)
                .path("id")
                .asLong();
        int total = listing(2, day, showtime).path("seatsTotal").asInt();
        assertThat(listing(2, day, showtime).path("seatsAvailable").asInt()).isEqualTo(total);

        Answer hold = kiosk.post("/holds", "{\"showtimeId\": " + showtime + ", \"seatIds\": [\"B3\", \"B4\", \"B5\"]}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(listing(2, day, showtime).path("seatsAvailable").asInt()).isEqualTo(total - 3);

        assertThat(kiosk.delete("/holds/" + hold.json().path("holdId").asText()).status())
                .isEqualTo(204);
        assertThat(listing(2, day, showtime).path("seatsAvailable").asInt()).isEqualTo(total);
    }

    @Test
    void withoutADateTheListIsTodaysWhereTheTheaterIs() {
        LocalDate before = LocalDate.now(DemoFixture.ZONE);
        JsonNode undated = ok(kiosk.get("/theaters/3/showtimes"));
        LocalDate after = LocalDate.now(DemoFixture.ZONE);
        // the fixture is loaded today, so today has showtimes even if some have already started
        assertThat(undated).isNotEmpty();
        JsonNode dated = ok(kiosk.get("/theaters/3/showtimes?date=" + after));
        if (before.equals(after)) {
            assertThat(ids(undated)).isEqualTo(ids(dated));
        }
        undated.forEach(s -> assertThat(Instant.parse(s.path("startsAt").asText())
                        .atZone(DemoFixture.ZONE)
                        .toLocalDate())
                .isIn(before, after));
    }

    @Test
    void theChangeFeedGivesAFullCopyThenOnlyWhatChanged() throws Exception {
        long from = countShowtimesFromYesterday();
        CatalogChanges full = changes("0");
        long to = countShowtimesFromYesterday();

        assertThat(full.theaters()).hasSize(3);
        assertThat(full.auditoriums()).hasSize(8);
        for (AuditoriumInfo auditorium : full.auditoriums()) {
            assertThat(SeatLayout.parse(auditorium.layout()).sellableSeats())
                    .as(auditorium.name() + " of theater " + auditorium.theaterId())
                    .isEqualTo(auditorium.seatCount());
        }
        assertThat(full.movies()).hasSize(6);
        assertThat(full.showtimes()).hasSizeGreaterThanOrEqualTo(7 * 32);
        assertThat((long) full.showtimes().size()).isBetween(to, from);
        assertThat(full.deleted()).isEmpty();
        assertThat(full.cursor()).matches("\\d+");

        CatalogChanges none = changes(full.cursor());
        assertThat(none.theaters()).isEmpty();
        assertThat(none.auditoriums()).isEmpty();
        assertThat(none.movies()).isEmpty();
        assertThat(none.showtimes()).isEmpty();
        assertThat(none.deleted()).isEmpty();

        long movie = full.movies().get(2).id();
        // a showtime no hold ever touched: the last one of the fixture
        long showtime = full.showtimes().getLast().id();
        long holds = db.withHandle(h -> h.createQuery("select count(*) from holds where showtime_id = :s")
                .bind("s", showtime)
                .mapTo(Long.class)
                .one());
        assertThat(holds).isZero();
        db.useHandle(h -> h.execute("update movies set title = 'Paper Kites (Director''s Cut)' where id = ?", movie));
        db.useHandle(h -> h.execute("delete from showtimes where id = ?", showtime));

        CatalogChanges changed = changes(full.cursor());
        assertThat(changed.theaters()).isEmpty();
        assertThat(changed.auditoriums()).isEmpty();
        assertThat(changed.showtimes()).isEmpty();
        assertThat(changed.movies()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(movie);
            assertThat(m.title()).isEqualTo("Paper Kites (Director's Cut)");
        });
        assertThat(changed.deleted()).containsExactly(new CatalogDeletion("SHOWTIME", showtime));
        assertThat(Long.parseLong(changed.cursor())).isGreaterThan(Long.parseLong(full.cursor()));
    }

    @Test
    void theBigHallsSeatMapHasEveryKindOfSeat() throws Exception {
        long showtime = bigHall(today.plusDays(2));
        Answer answer = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(answer.status()).isEqualTo(200);
        SeatMap map = Json.MAPPER.readValue(answer.body(), SeatMap.class);
        assertThat(map.showtimeId()).isEqualTo(showtime);
        assertThat(map.seats()).hasSize(308);
        assertThat(map.seats().stream().filter(s -> s.status() == SeatStatus.AVAILABLE))
                .hasSize(307);
        assertThat(map.seats().stream().filter(s -> s.status() == SeatStatus.BLOCKED))
                .singleElement()
                .extracting(SeatView::id)
                .isEqualTo("C11");
        assertThat(map.seats().stream().map(SeatView::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        SeatType.WHEELCHAIR, SeatType.COMPANION, SeatType.PREMIUM, SeatType.STANDARD);
        assertThat(map.seats().stream().map(SeatView::id).distinct()).hasSize(308);
    }

    @Test
    void theETagIsTheVersionAndMovesWithEveryHold() {
        long showtime = bigHall(today.plusDays(4));
        String path = "/showtimes/" + showtime + "/seats";
        Answer first = kiosk.get(path);
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"" + first.json().path("version").asLong() + "\"");

        Answer unchanged = kiosk.get(path, "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        Answer hold =
                server.kiosk(2).post("/holds", "{\"showtimeId\": " + showtime + ", \"seatIds\": [\"J7\", \"J8\"]}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);

        Answer moved = kiosk.get(path, "If-None-Match", etag);
        assertThat(moved.status()).isEqualTo(200);
        long version = moved.json().path("version").asLong();
        assertThat(version).isGreaterThan(first.json().path("version").asLong());
        assertThat(moved.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(statusOf(moved, "J7")).isEqualTo("HELD");
        assertThat(statusOf(moved, "J9")).isEqualTo("AVAILABLE");

        assertThat(server.kiosk(2)
                        .delete("/holds/" + hold.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
        Answer released = kiosk.get(path, "If-None-Match", moved.header("ETag"));
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().path("version").asLong()).isGreaterThan(version);
        assertThat(statusOf(released, "J7")).isEqualTo("AVAILABLE");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> names(JsonNode theaters) {
        List<String> names = new ArrayList<>();
        theaters.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private JsonNode listing(long theater, LocalDate day, long showtime) {
        Map<Long, JsonNode> byId = new java.util.HashMap<>();
        ok(kiosk.get("/theaters/" + theater + "/showtimes?date=" + day))
                .forEach(s -> byId.put(s.path("id").asLong(), s));
        assertThat(byId).containsKey(showtime);
        return byId.get(showtime);
    }

    private long bigHall(LocalDate day) {
        return server.showtimes(1, day).stream()
                .filter(s -> s.path("auditorium").path("name").asText().equals("Sala 1"))
                .mapToLong(s -> s.path("id").asLong())
                .findFirst()
                .orElseThrow();
    }

    private static String statusOf(Answer seatMap, String seatId) {
        Map<String, JsonNode> seats = new java.util.HashMap<>();
        seatMap.json().path("seats").forEach(s -> seats.put(s.path("id").asText(), s));
        return seats.get(seatId).path("status").asText();
    }

    private CatalogChanges changes(String since) throws Exception {
        Answer answer = kiosk.get("/catalog/changes?since=" + since);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readValue(answer.body(), CatalogChanges.class);
    }

    private long countShowtimesFromYesterday() {
        return db.withHandle(
                h -> h.createQuery("select count(*) from showtimes where starts_at >= now() - interval '1 day'")
                        .mapTo(Long.class)
                        .one());
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }
}
