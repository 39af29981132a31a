package org.marquee.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/** The schedule through the admin API (DESIGN §7.1): clashes, series across summer time, moves, concurrent managers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleAdminTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private TestServer server;
    private ApiClient manager;
    private AdminApi admin;
    private long theater;
    private long movie;

    @BeforeAll
    void start() {
        server = TestServer.start("scheduleadmin", TestServer.Options.defaults());
        manager = server.manager();
        admin = new AdminApi(manager);
        theater = admin.theater(15);
        movie = admin.movie(100);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aShowtimeOccupiesItsRuntimePlusCleaningAndIsListedWithSeatsSoldAndHeld() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        Answer created = admin.schedule(movie, auditorium, start);

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(Instant.parse(created.json().path("endsAt").asText()))
                .isEqualTo(start.plus(115, ChronoUnit.MINUTES));
        assertThat(created.json().path("pricePlan").path("id").asLong()).isEqualTo(1);
        Answer clash = admin.schedule(movie, auditorium, start.plus(114, ChronoUnit.MINUTES));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.errorCode()).isEqualTo("SCHEDULE_CLASH");
        assertThat(clash.json()
                        .path("error")
                        .path("details")
                        .path("showtimeIds")
                        .get(0)
                        .asLong())
                .isEqualTo(id);
        assertThat(admin.schedule(movie, auditorium, start.minus(114, ChronoUnit.MINUTES))
                        .errorCode())
                .isEqualTo("SCHEDULE_CLASH");
        assertThat(admin.schedule(movie, auditorium, start.plus(115, ChronoUnit.MINUTES))
                        .status())
                .as("starting when the cleaning ends")
                .isEqualTo(201);

        ApiClient clerk = server.clerk();
        AdminApi.sell(clerk, id, List.of("A1", "A2"), null, "cash");
        assertThat(server.kiosk(1)
                        .post("/holds", Bodies.holdBody(id, List.of("A3")))
                        .status())
                .isEqualTo(201);
        LocalDate day = start.atZone(MADRID).toLocalDate();
        JsonNode listed = find(
                manager.get("/admin/showtimes?theaterId=" + theater + "&from=" + day + "&to=" + day)
                        .json(),
                id);
        assertThat(listed.path("seatsSold").asInt()).isEqualTo(2);
        assertThat(listed.path("seatsHeld").asInt()).isEqualTo(1);
        assertThat(listed.path("seatsTotal").asInt()).isEqualTo(4);
        assertThat(listed.path("movie").path("runtimeMinutes").asInt()).isEqualTo(100);
        assertThat(listed.path("status").asText()).isEqualTo("ON_SALE");

        Answer moved =
                manager.put("/admin/showtimes/" + id, "{\"startsAt\":\"" + start.plus(1, ChronoUnit.DAYS) + "\"}");
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.errorCode()).isEqualTo("SHOWTIME_HAS_SALES");
        Answer format = manager.put("/admin/showtimes/" + id, "{\"format\":\"3D\"}");
        assertThat(format.status()).as("a new format is no move").isEqualTo(200);
        assertThat(format.json().path("format").asText()).isEqualTo("3D");
        assertThat(format.json().path("startsAt").asText()).isEqualTo(start.toString());
    }

    @Test
    void aShowtimeWithoutSalesMovesButNotIntoAClash() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        long other = admin.auditorium(theater, List.of("A:SS", "B:SS"));
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long first = admin.showtime(movie, auditorium, start);
        long second = admin.showtime(movie, auditorium, start.plus(4, ChronoUnit.HOURS));

        Answer clash =
                manager.put("/admin/showtimes/" + second, "{\"startsAt\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}");
        Answer moved = manager.put(
                "/admin/showtimes/" + second,
                "{\"auditoriumId\":" + other + ",\"startsAt\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}");

        assertThat(clash.errorCode()).isEqualTo("SCHEDULE_CLASH");
        assertThat(clash.json()
                        .path("error")
                        .path("details")
                        .path("showtimeIds")
                        .get(0)
                        .asLong())
                .isEqualTo(first);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("auditorium").path("id").asLong()).isEqualTo(other);
        assertThat(server.kiosk(1)
                        .get("/showtimes/" + second + "/seats")
                        .json()
                        .path("seats")
                        .findValuesAsText("id"))
                .containsExactly("A1", "A2", "B1", "B2");
        assertThat(manager.put("/admin/showtimes/999999", "{\"format\":\"2D\"}").status())
                .isEqualTo(404);
        assertThat(manager.put("/admin/showtimes/" + second, "{\"auditoriumId\":999999}")
                        .status())
                .isEqualTo(404);
        assertThat(manager.put("/admin/showtimes/" + second, "{\"pricePlanId\":999999}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aWeeklySeriesKeepsItsWallClockTimeAcrossBothSummerTimeChanges() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));

        Answer spring = series(auditorium, "2027-03-26", "2027-03-29", "[\"FRI\",\"SUN\",\"MON\"]", "[\"19:00\"]");
        Answer autumn = series(auditorium, "2027-10-29", "2027-11-01", "[\"SAT\",\"SUN\"]", "[\"19:00\",\"22:00\"]");
        Answer gap = series(auditorium, "2027-03-27", "2027-03-29", "[\"SAT\",\"SUN\",\"MON\"]", "[\"02:30\"]");

        assertThat(spring.status()).isEqualTo(201);
        assertThat(starts(spring))
                .containsExactly("2027-03-26T18:00:00Z", "2027-03-28T17:00:00Z", "2027-03-29T17:00:00Z");
        assertThat(autumn.status()).isEqualTo(201);
        assertThat(starts(autumn))
                .containsExactly(
                        "2027-10-30T17:00:00Z", "2027-10-30T20:00:00Z", "2027-10-31T18:00:00Z", "2027-10-31T21:00:00Z");
        assertThat(gap.status()).isEqualTo(201);
        assertThat(starts(gap))
                .as("02:30 does not exist on 28 March: it moves on by the skipped hour, to 03:30 CEST")
                .containsExactly("2027-03-27T01:30:00Z", "2027-03-28T01:30:00Z", "2027-03-29T00:30:00Z");
        for (JsonNode created : spring.json().path("created")) {
            assertThat(Instant.parse(created.path("startsAt").asText())
                            .atZone(MADRID)
                            .getHour())
                    .isEqualTo(19);
        }
    }

    @Test
    void aSeriesThatClashesOnceCreatesNothing() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        LocalDate monday = LocalDate.now(MADRID).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        long existing = admin.showtime(
                movie,
                auditorium,
                monday.plusDays(2).atTime(20, 0).atZone(MADRID).toInstant());
        int before = listed(auditorium, monday, monday.plusDays(6));

        Answer refused = series(
                auditorium,
                monday.toString(),
                monday.plusDays(6).toString(),
                "[\"MON\",\"TUE\",\"WED\",\"THU\"]",
                "[\"18:30\"]");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("SCHEDULE_CLASH");
        assertThat(refused.json()
                        .path("error")
                        .path("details")
                        .path("showtimeIds")
                        .get(0)
                        .asLong())
                .isEqualTo(existing);
        assertThat(listed(auditorium, monday, monday.plusDays(6))).isEqualTo(before);
    }

    @Test
    void everyWrongSeriesIs4xxAndCreatesNothing() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        LocalDate from = LocalDate.now(MADRID).plusDays(10);
        String to = from.plusDays(6).toString();
        int before = listed(auditorium, from, from.plusDays(6));

        assertThat(series(auditorium, to, from.toString(), "[\"MON\"]", "[\"19:00\"]")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .contains("'fromDate'");
        List<Answer> invalid = List.of(
                series(auditorium, to, from.toString(), "[\"MON\"]", "[\"19:00\"]"),
                series(auditorium, from.toString(), to, "[\"MONDAY\"]", "[\"19:00\"]"),
                series(auditorium, from.toString(), to, "[]", "[\"19:00\"]"),
                series(auditorium, from.toString(), to, "[\"MON\"]", "[\"7pm\"]"),
                series(auditorium, from.toString(), to, "[\"MON\"]", "[\"25:00\"]"),
                series(auditorium, from.toString(), to, "[\"MON\"]", "[\"19:00\",\"19:00\"]"),
                series(auditorium, from.toString(), to, "[\"MON\"]", "[\"19:00\",\"20:00\"]"),
                series(auditorium, "2027-13-01", to, "[\"MON\"]", "[\"19:00\"]"),
                series(auditorium, "2020-01-01", "2020-01-07", "[\"MON\"]", "[\"19:00\"]"));
        assertThat(invalid).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        });
        assertThat(series(999999, from.toString(), to, "[\"MON\"]", "[\"19:00\"]")
                        .status())
                .isEqualTo(404);
        assertThat(manager.post("/admin/showtimes/series", """
                        {"movieId":999999,"auditoriumId":%d,"format":"2D","fromDate":"%s","toDate":"%s",
                         "daysOfWeek":["MON"],"times":["19:00"]}""".formatted(auditorium, from, to))
                        .status())
                .isEqualTo(404);
        assertThat(manager.post("/admin/showtimes", """
                        {"movieId":%d,"auditoriumId":%d,"startsAt":"2020-01-01T19:00:00Z","format":"2D"}""".formatted(movie, auditorium))
                        .status())
                .isEqualTo(422);
        assertThat(manager.post("/admin/showtimes", """
                        {"movieId":%d,"auditoriumId":%d,"format":"2D"}""".formatted(movie, auditorium))
                        .status())
                .isEqualTo(422);
        assertThat(manager.get("/admin/showtimes?theaterId=999999").status()).isEqualTo(404);
        assertThat(manager.get("/admin/showtimes?theaterId=" + theater + "&from=2027-02-01&to=2027-01-01")
                        .status())
                .isEqualTo(422);
        assertThat(manager.get("/admin/showtimes?from=tomorrow").status()).isEqualTo(400);
        assertThat(listed(auditorium, from, from.plusDays(6))).isEqualTo(before);
    }

    @Test
    void twoManagersSchedulingIntoTheSameSlotAtOnceOneWins() throws Exception {
        ApiClient second = server.manager();
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        Instant base = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int round = 0; round < 10; round++) {
            Instant slot = base.plus(6L * round, ChronoUnit.HOURS);
            CyclicBarrier barrier = new CyclicBarrier(2);
            CompletableFuture<Answer> a = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return admin.schedule(movie, auditorium, slot);
            });
            CompletableFuture<Answer> b = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                // half an hour later: the same slot, so that only the clash check (not the unique start) can refuse it
                return new AdminApi(second).schedule(movie, auditorium, slot.plus(30, ChronoUnit.MINUTES));
            });
            List<Answer> answers = List.of(a.get(), b.get());

            assertThat(answers.stream().filter(x -> x.status() == 201).count())
                    .as("round %d", round)
                    .isEqualTo(1);
            Answer winner =
                    answers.stream().filter(x -> x.status() == 201).findFirst().orElseThrow();
            Answer loser =
                    answers.stream().filter(x -> x.status() != 201).findFirst().orElseThrow();
            assertThat(loser.status()).isEqualTo(409);
            assertThat(loser.errorCode()).isEqualTo("SCHEDULE_CLASH");
            assertThat(loser.json()
                            .path("error")
                            .path("details")
                            .path("showtimeIds")
                            .get(0)
                            .asLong())
                    .isEqualTo(winner.json().path("id").asLong());
        }
    }

    private Answer series(long auditorium, String from, String to, String days, String times) {
        return manager.post("/admin/showtimes/series", """
                {"movieId":%d,"auditoriumId":%d,"format":"2D","fromDate":"%s","toDate":"%s","daysOfWeek":%s,
                 "times":%s}""".formatted(movie, auditorium, from, to, days, times));
    }

    private int listed(long auditorium, LocalDate from, LocalDate to) {
        int count = 0;
        for (JsonNode s : manager.get("/admin/showtimes?theaterId=" + theater + "&from=" + from + "&to=" + to)
                .json()) {
            count += s.path("auditorium").path("id").asLong() == auditorium ? 1 : 0;
        }
        return count;
    }

    private static List<String> starts(Answer series) {
        List<String> starts = new ArrayList<>();
        series.json().path("created").forEach(s -> starts.add(s.path("startsAt").asText()));
        return starts;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode s : list) {
            if (s.path("id").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("showtime " + id + " not listed in " + list);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
