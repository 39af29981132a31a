package org.marquee.server.cinema;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.db.Transactions;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Auditoriums and layouts through the admin API (DESIGN §7.1): parser errors at their row and column, a change reaching
 * future showtimes only, and never dropping a seat that is held or sold, also when a sale races the change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditoriumAdminTest {

    private TestServer server;
    private ApiClient manager;
    private AdminApi admin;
    private Jdbi jdbi;
    private long theater;
    private long movie;

    @BeforeAll
    void start() {
        server = TestServer.start("auditoriumadmin", TestServer.Options.defaults());
        manager = server.manager();
        admin = new AdminApi(manager);
        jdbi = server.jdbi();
        theater = admin.theater(10);
        movie = admin.movie(90);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anAuditoriumIsCreatedFromTheLayoutNotationAndListedByTheater() {
        Answer created = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"Sala Azul","layout":["A:SS.SS","B:PPXPP","C:WC.SS"]}""".formatted(theater));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("seatCount").asInt())
                .as("13 seats, one of them X: out of service")
                .isEqualTo(12);
        assertThat(created.json().path("layout").get(1).asText()).isEqualTo("B:PPXPP");
        JsonNode listed = manager.get("/admin/auditoriums?theaterId=" + theater).json();
        assertThat(listed.findValuesAsText("name")).contains("Sala Azul");
        assertThat(listed.findValuesAsText("theaterId")).containsOnly(Long.toString(theater));
        assertThat(manager.get("/admin/auditoriums?theaterId=999999").status()).isEqualTo(404);
        assertThat(manager.get("/admin/auditoriums?theaterId=x").status()).isEqualTo(400);
        Answer twice = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"sala azul","layout":["A:SS"]}""".formatted(theater));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(manager.post("/admin/auditoriums", """
                        {"theaterId":999999,"name":"Nowhere","layout":["A:SS"]}""").status()).isEqualTo(404);
        assertThat(manager.put("/admin/auditoriums/999999", """
                        {"name":"Nowhere","layout":["A:SS"]}""").status()).isEqualTo(404);
    }

    @Test
    void aLayoutThatDoesNotParseIs422NamingRowAndColumnAndChangesNothing() {
        int before = manager.get("/admin/auditoriums").json().size();

        Answer badCell = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"Mala","layout":["A:SSSS","B:SSQS"]}""".formatted(theater));
        Answer repeated = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"Repetida","layout":["A:SSSS","B:SSSS","A:SS"]}""".formatted(theater));
        Answer noColon = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"Sin","layout":["ASSSS"]}""".formatted(theater));
        Answer empty = manager.post("/admin/auditoriums", """
                {"theaterId":%d,"name":"Vacia","layout":[]}""".formatted(theater));

        assertThat(List.of(badCell, repeated, noColon, empty)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo("INVALID_LAYOUT");
        });
        assertThat(badCell.json().path("error").path("message").asText()).contains("Row B column 3");
        assertThat(badCell.json().path("error").path("details").path("row").asInt())
                .isEqualTo(2);
        assertThat(badCell.json().path("error").path("details").path("column").asInt())
                .isEqualTo(3);
        assertThat(repeated.json().path("error").path("message").asText())
                .contains("Row label A appears twice")
                .contains("row 3");
        assertThat(repeated.json().path("error").path("details").path("row").asInt())
                .isEqualTo(3);
        assertThat(manager.get("/admin/auditoriums").json().size()).isEqualTo(before);
    }

    @Test
    void aNewLayoutReachesFutureShowtimesWhileAStartedOneKeepsItsSeats() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        long future = admin.showtime(movie, auditorium, Instant.now().plus(3, ChronoUnit.DAYS));
        long started = jdbi.withHandle(handle -> handle.createQuery("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format)
                        values (:m, :a, now() - interval '20 minutes', '2D') returning id""")
                .bind("m", movie)
                .bind("a", auditorium)
                .mapTo(Long.class)
                .one());
        ApiClient kiosk = server.kiosk(2);
        String etag = kiosk.get("/showtimes/" + future + "/seats").header("ETag");

        Answer changed = manager.put("/admin/auditoriums/" + auditorium, """
                {"name":"Renamed","layout":["A:SSSSS","B:PP"]}""");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("seatCount").asInt()).isEqualTo(7);
        Answer futureMap = kiosk.get("/showtimes/" + future + "/seats", "If-None-Match", etag);
        assertThat(futureMap.status())
                .as("the seat map's version moved with its layout")
                .isEqualTo(200);
        assertThat(futureMap.json().path("seats").findValuesAsText("id"))
                .containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "B1", "B2");
        assertThat(kiosk.get("/showtimes/" + started + "/seats")
                        .json()
                        .path("seats")
                        .findValuesAsText("id"))
                .containsExactly("A1", "A2", "A3", "A4");
        assertThat(kiosk.post("/holds", Bodies.holdBody(future, List.of("B1", "B2")))
                        .status())
                .isEqualTo(201);
        kiosk.post("/holds", Bodies.holdBody(started, List.of("A1")));
        JsonNode entry =
                manager.get("/admin/audit?action=AUDITORIUM_UPDATED").json().get(0);
        assertThat(entry.path("details").path("showtimesChanged").toString()).contains(Long.toString(future));
    }

    @Test
    void aLayoutLackingAHeldSeatIs409NamingItAndTheSeatIsGoneOnceTheChangeIsMade() {
        long auditorium = admin.auditorium(theater, List.of("A:SSSS", "B:SSSS"));
        long showtime = admin.showtime(movie, auditorium, Instant.now().plus(4, ChronoUnit.DAYS));
        ApiClient kiosk = server.kiosk(3);
        Answer hold = kiosk.post("/holds", Bodies.holdBody(showtime, List.of("B4")));
        assertThat(hold.status()).isEqualTo(201);

        Answer refused = manager.put("/admin/auditoriums/" + auditorium, """
                {"name":"Smaller","layout":["A:SSSS","B:SSS"]}""");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("LAYOUT_IN_USE");
        assertThat(refused.seatIds()).containsExactly("B4");
        JsonNode kept = manager.get("/admin/auditoriums?theaterId=" + theater).json();
        assertThat(kept.toString()).contains("B:SSSS");

        assertThat(kiosk.delete("/holds/" + hold.json().path("holdId").asText()).status())
                .isEqualTo(204);
        assertThat(manager.put("/admin/auditoriums/" + auditorium, """
                        {"name":"Smaller","layout":["A:SSSS","B:SSS"]}""").status())
                .isEqualTo(200);
        assertThat(kiosk.post("/holds", Bodies.holdBody(showtime, List.of("B4")))
                        .status())
                .isBetween(400, 499);
    }

    /**
     * The clerk and the manager are signed in at one terminal, so the manager's audit entry names the terminal whose
     * hold the clerk is writing: with the hold's terminal lock {@code FOR UPDATE} the two deadlocked in about half the
     * rounds (PostgreSQL broke each after a second, the retry usually won, once the manager got a 503).
     */
    @Test
    void aLayoutChangeRacingASaleOfASeatItDropsNeverLeavesThatSeatSoldOrHeld() throws Exception {
        ListAppender<ILoggingEvent> retries = new ListAppender<>();
        Logger transactions = (Logger) LoggerFactory.getLogger(Transactions.class);
        retries.start();
        transactions.addAppender(retries);
        try {
            race();
        } finally {
            transactions.detachAppender(retries);
        }
        assertThat(retries.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .as("transactions PostgreSQL broke as deadlocked")
                .noneMatch(line -> line.contains("40P01"));
    }

    private void race() throws Exception {
        ApiClient clerk = server.clerk();
        int sales = 0;
        int changes = 0;
        for (int round = 0; round < 12; round++) {
            long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
            long showtime = admin.showtime(movie, auditorium, Instant.now().plus(5 + round, ChronoUnit.DAYS));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Boolean> sale = CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    AdminApi.sell(clerk, showtime, List.of("A4"), null, "cash");
                    return true;
                } catch (IllegalStateException e) {
                    return false;
                }
            });
            CompletableFuture<Answer> change = CompletableFuture.supplyAsync(() -> {
                await(start);
                return manager.put("/admin/auditoriums/" + auditorium, """
                        {"name":"Race %d","layout":["A:SSS"]}""".formatted(showtime));
            });
            boolean sold = sale.get();
            Answer changed = change.get();

            assertThat(changed.status()).as("round %d", round).isIn(200, 409);
            if (changed.status() == 409) {
                assertThat(changed.errorCode()).isEqualTo("LAYOUT_IN_USE");
                assertThat(changed.seatIds()).containsExactly("A4");
            }
            List<String> live = liveSeatsOutsideLayout(showtime);
            assertThat(live)
                    .as("round %d: seats held or sold that the layout lacks", round)
                    .isEmpty();
            if (changed.status() == 200) {
                changes++;
            }
            if (sold) {
                sales++;
            }
            assertThat(sold && changed.status() == 200)
                    .as("round %d: both won", round)
                    .isFalse();
        }
        assertThat(sales + changes).isEqualTo(12);
    }

    /** Seats with a live claim (sold, or held unexpired) that the showtime's layout does not have. */
    private List<String> liveSeatsOutsideLayout(long showtime) {
        List<String> layout =
                jdbi.withHandle(handle -> handle.createQuery("select unnest(layout) from showtimes where id = :s")
                        .bind("s", showtime)
                        .mapTo(String.class)
                        .list());
        List<String> seats = new ArrayList<>();
        org.marquee.model.SeatLayout.parse(layout).seats().forEach(s -> seats.add(s.id()));
        List<String> live = jdbi.withHandle(handle ->
                handle.createQuery("""
                        select seat_id from seat_claims
                         where showtime_id = :s and (state = 'SOLD' or (state = 'HELD' and expires_at > now()))""").bind("s", showtime).mapTo(String.class).list());
        live.removeAll(seats);
        return live;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
