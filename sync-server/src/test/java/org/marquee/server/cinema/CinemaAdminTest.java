package org.marquee.server.cinema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** Theaters, movies and price plans through the admin API (DESIGN §7.1): written, audited, refused when wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CinemaAdminTest {

    private static final String THEATER = """
            {"name":"%s","address":"Gran Vía 1","lat":%s,"lon":%s,"timeZone":"%s"}""";

    private TestServer server;
    private ApiClient manager;
    private AdminApi admin;

    @BeforeAll
    void start() {
        server = TestServer.start("cinemaadmin", TestServer.Options.defaults());
        manager = server.manager();
        admin = new AdminApi(manager);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNewTheaterGetsTheDefaultSettingsIsAuditedAndReachesTheTerminals() {
        String cursor = server.kiosk(1)
                .get("/catalog/changes?since=0")
                .json()
                .path("cursor")
                .asText();

        Answer created =
                manager.post("/admin/theaters", THEATER.formatted("Cine Nuevo", "41.39", "2.17", "Europe/Madrid"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode theater = created.json();
        assertThat(theater.path("cleaningMinutes").asInt()).isEqualTo(20);
        assertThat(theater.path("singleSeatRule").asText()).isEqualTo("KIOSK");
        assertThat(theater.path("accessibleReleaseMinutes").asInt()).isEqualTo(30);
        long id = theater.path("id").asLong();
        assertThat(manager.get("/admin/theaters").json().findValuesAsText("name"))
                .contains("Cine Nuevo");
        JsonNode changes =
                server.kiosk(1).get("/catalog/changes?since=" + cursor).json();
        assertThat(changes.path("theaters").findValuesAsText("name")).contains("Cine Nuevo");
        JsonNode entry =
                manager.get("/admin/audit?action=THEATER_CREATED").json().get(0);
        assertThat(entry.path("entityId").asText()).isEqualTo(Long.toString(id));
        assertThat(entry.path("actor").path("username").asText()).isEqualTo("morgan");

        Answer updated = manager.put("/admin/theaters/" + id, """
                {"name":"Cine Nuevo","address":"Gran Vía 2","lat":41.39,"lon":2.17,"timeZone":"Europe/Madrid",
                 "cleaningMinutes":15,"singleSeatRule":"ALL"}""");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("address").asText()).isEqualTo("Gran Vía 2");
        assertThat(updated.json().path("cleaningMinutes").asInt()).isEqualTo(15);
        assertThat(updated.json().path("singleSeatRule").asText()).isEqualTo("ALL");
        assertThat(updated.json().path("accessibleReleaseMinutes").asInt()).isEqualTo(30);
        assertThat(manager.get("/admin/audit?action=THEATER_UPDATED")
                        .json()
                        .get(0)
                        .path("details")
                        .path("before")
                        .path("address")
                        .asText())
                .isEqualTo("Gran Vía 1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\":\"X1\",\"address\":\"A\",\"lat\":91.0,\"lon\":2.0,\"timeZone\":\"Europe/Madrid\"}",
                "{\"name\":\"X2\",\"address\":\"A\",\"lat\":40.0,\"lon\":-181.0,\"timeZone\":\"Europe/Madrid\"}",
                "{\"name\":\"X3\",\"address\":\"A\",\"lon\":2.0,\"timeZone\":\"Europe/Madrid\"}",
                "{\"name\":\"X4\",\"address\":\"A\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"Europe/Atlantis\"}",
                "{\"name\":\"X5\",\"address\":\"A\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"+02:00\"}",
                "{\"name\":\"   \",\"address\":\"A\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"Europe/Madrid\"}",
                "{\"name\":\"X6\",\"address\":\"\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"Europe/Madrid\"}",
                "{\"name\":\"X7\",\"address\":\"A\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"Europe/Madrid\",\"cleaningMinutes\":-1}",
                "{\"name\":\"X8\",\"address\":\"A\",\"lat\":40.0,\"lon\":2.0,\"timeZone\":\"Europe/Madrid\","
                        + "\"accessibleReleaseMinutes\":5000}"
            })
    void aWrongTheaterIs422NamingTheFieldAndChangesNothing(String body) {
        int before = manager.get("/admin/theaters").json().size();

        Answer refused = manager.post("/admin/theaters", body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.json().path("error").path("message").asText())
                .containsAnyOf(
                        "'lat'",
                        "'lon'",
                        "'timeZone'",
                        "'name'",
                        "'address'",
                        "'cleaningMinutes'",
                        "'accessibleReleaseMinutes'");
        assertThat(manager.get("/admin/theaters").json().size()).isEqualTo(before);
    }

    @Test
    void aDuplicateNameMalformedJsonAndUnknownIdsAreRefused() {
        String body = THEATER.formatted("Cine Doble", "40.0", "-3.0", "Europe/Madrid");
        assertThat(manager.post("/admin/theaters", body).status()).isEqualTo(201);

        Answer twice = manager.post("/admin/theaters", body.replace("Cine Doble", "CINE DOBLE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");
        assertThat(manager.post("/admin/theaters", "{\"name\":").status()).isEqualTo(400);
        assertThat(manager.put("/admin/theaters/999999", body.replace("Doble", "Otro"))
                        .status())
                .isEqualTo(404);
        assertThat(manager.put("/admin/theaters/abc", body).status()).isEqualTo(400);
        assertThat(manager.put("/admin/movies/999999", "{\"title\":\"T\",\"runtimeMinutes\":90,\"rating\":\"PG\"}")
                        .status())
                .isEqualTo(404);
        assertThat(manager.put("/admin/price-plans/999999", plan("Nope", "EUR", 900))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void moviesAreCreatedChangedAndCheckedField() {
        Answer created = manager.post("/admin/movies", """
                {"title":"  El Sur ","runtimeMinutes":95,"rating":"12","genres":["Drama"],"synopsis":"Una hija.",
                 "posterUrl":"https://example.com/sur.jpg"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("title").asText()).isEqualTo("El Sur");
        long id = created.json().path("id").asLong();

        Answer changed = manager.put("/admin/movies/" + id, """
                {"title":"El Sur","runtimeMinutes":94,"rating":"12","genres":["Drama","Classic"],"synopsis":"x"}""");
        assertThat(changed.json().path("runtimeMinutes").asInt()).isEqualTo(94);
        assertThat(changed.json().path("posterUrl").isNull()).isTrue();
        assertThat(manager.get("/admin/movies").json().findValuesAsText("title"))
                .contains("El Sur");

        for (String wrong : List.of(
                "{\"title\":\"\",\"runtimeMinutes\":90,\"rating\":\"PG\"}",
                "{\"title\":\"T\",\"runtimeMinutes\":0,\"rating\":\"PG\"}",
                "{\"title\":\"T\",\"rating\":\"PG\"}",
                "{\"title\":\"T\",\"runtimeMinutes\":90,\"rating\":\" \"}",
                "{\"title\":\"T\",\"runtimeMinutes\":90,\"rating\":\"PG\",\"posterUrl\":\"javascript:alert(1)\"}")) {
            Answer refused = manager.post("/admin/movies", wrong);
            assertThat(refused.status()).as(wrong).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void aPricePlanWithANegativePriceOrAnUnknownCurrencyIsRefused() {
        int before = manager.get("/admin/price-plans").json().size();

        Answer negative = manager.post("/admin/price-plans", plan("Negativo", "EUR", -1));
        Answer unknown = manager.post("/admin/price-plans", plan("Doblones", "XYZ", 900));
        Answer lower = manager.post("/admin/price-plans", plan("Minusculas", "eur", 900));
        Answer surcharge = manager.post("/admin/price-plans", """
                {"name":"Recargo","currency":"EUR","ticketPrices":{"ADULT":900},"seatSurcharges":{"PREMIUM":-5}}""");
        Answer badType = manager.post("/admin/price-plans", """
                {"name":"Raro","currency":"EUR","ticketPrices":{"PIRATE":900}}""");

        assertThat(List.of(negative, unknown, lower, surcharge)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        });
        assertThat(negative.json().path("error").path("message").asText()).contains("ticketPrices.ADULT");
        assertThat(unknown.json().path("error").path("message").asText()).contains("currency");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(manager.post("/admin/price-plans", plan("standard", "EUR", 900))
                        .status())
                .as("the name of plan 1, Standard, in another case")
                .isEqualTo(409);
        assertThat(manager.get("/admin/price-plans").json().size()).isEqualTo(before);
    }

    @Test
    void anOrderIsPricedByThePlanInForceWhenItIsMade() {
        long planId = AdminApi.created(manager.post("/admin/price-plans", plan("Estreno", "EUR", 1000)));
        long theater = admin.theater(10);
        long auditorium = admin.auditorium(theater, List.of("A:SSSS"));
        long movie = admin.movie(90);
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long showtime =
                AdminApi.created(manager.post("/admin/showtimes", """
                {"movieId":%d,"auditoriumId":%d,"startsAt":"%s","format":"2D","pricePlanId":%d}""".formatted(movie, auditorium, start, planId)));
        ApiClient clerk = server.clerk();

        JsonNode before = AdminApi.sell(clerk, showtime, List.of("A1"), null, "cash");
        Answer changed = manager.put("/admin/price-plans/" + planId, plan("Estreno", "EUR", 1250));
        JsonNode after = AdminApi.sell(clerk, showtime, List.of("A2"), null, "cash");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("ticketPrices").path("ADULT").asLong()).isEqualTo(1250);
        assertThat(before.path("totalMinor").asLong()).isEqualTo(1000);
        assertThat(after.path("totalMinor").asLong()).isEqualTo(1250);
        JsonNode first = clerk.get("/orders/" + before.path("orderId").asText()).json();
        assertThat(first.path("totalMinor").asLong())
                .as("an order made before keeps its price")
                .isEqualTo(1000);
    }

    @Test
    void aRetriedAdminRequestGetsTheFirstAnswerAndChangesNothingMore() {
        String body = THEATER.formatted("Cine Reintento", "40.1", "-3.1", "Europe/Madrid");
        int before = manager.get("/admin/theaters").json().size();

        Answer first = manager.post("/admin/theaters", body, "Idempotency-Key", "theater-retry-1");
        Answer retry = manager.post("/admin/theaters", body, "Idempotency-Key", "theater-retry-1");
        Answer refused = manager.post("/admin/theaters", body, "Idempotency-Key", "theater-retry-2");
        Answer refusedAgain = manager.post("/admin/theaters", body, "Idempotency-Key", "theater-retry-2");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asLong())
                .isEqualTo(first.json().path("id").asLong());
        assertThat(refused.status()).as("the same name under a new key").isEqualTo(409);
        assertThat(refusedAgain.status()).isEqualTo(409);
        assertThat(manager.get("/admin/theaters").json().size()).isEqualTo(before + 1);
        assertThat(manager.get("/admin/audit?action=THEATER_CREATED").json().findValuesAsText("entityId"))
                .containsOnlyOnce(first.json().path("id").asText());

        long auditorium = admin.auditorium(first.json().path("id").asLong(), List.of("A:SS"));
        long showtime =
                admin.showtime(admin.movie(80), auditorium, Instant.now().plus(3, ChronoUnit.DAYS));
        String cancel = "/admin/showtimes/" + showtime + "/cancel";
        Answer cancelled = manager.post(cancel, "{\"reason\":\"Retry\"}", "Idempotency-Key", "cancel-retry-1");
        Answer replayed = manager.post(cancel, "{\"reason\":\"Retry\"}", "Idempotency-Key", "cancel-retry-1");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(cancelled.body());
    }

    private static String plan(String name, String currency, long adult) {
        return """
                {"name":"%s","currency":"%s","ticketPrices":{"ADULT":%d,"CHILD":600},"seatSurcharges":{"PREMIUM":200}}""".formatted(name, currency, adult);
    }
}
