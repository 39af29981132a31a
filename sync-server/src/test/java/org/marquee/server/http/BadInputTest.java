package org.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * DESIGN §4 error rules, one kind of bad input at a time: the right status and code, a message written for a person,
 * nothing changed, and a server that still answers afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private TestServer server;
    private Jdbi db;
    private ApiClient kiosk;
    private long showtime;

    /** What a bad request must leave alone: holds, seat claims, and the seat map the terminals see. */
    record State(long holds, long activeHolds, long claimVersion, long claimedSeats, long seatMapVersion) {}

    @BeforeAll
    void start() {
        server = TestServer.start("bad_input", TestServer.Options.defaults());
        db = server.jdbi();
        kiosk = server.kiosk(1);
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @AfterEach
    void serverStillAnswers() {
        Answer health = server.client(null).get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated", "{\"showtimeId\": 1, \"seatIds\": [\"A5\""),
                Arguments.of("not JSON at all", "showtimeId=1&seatIds=A5"),
                Arguments.of("an array instead of an object", "[1, [\"A5\"]]"),
                Arguments.of("trailing garbage", "{\"showtimeId\": 1, \"seatIds\": [\"A5\"]} xyz"),
                Arguments.of("two documents", "{\"showtimeId\": 1, \"seatIds\": [\"A5\"]}{}"),
                Arguments.of("the JSON literal null", "null"),
                Arguments.of("an empty body", ""),
                Arguments.of("only white space", "  \n "));
    }

    @ParameterizedTest(name = "POST /holds with {0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsRefusedWith400(String kind, String body) {
        State before = state();
        String filled = body.replace("\"showtimeId\": 1", "\"showtimeId\": " + showtime);
        assertError(kiosk.post("/holds", filled), 400, "MALFORMED_REQUEST");
        assertUnchanged(before);
    }

    @ParameterizedTest(name = "PUT /holds/ID/seats with {0}")
    @MethodSource("malformedBodies")
    void malformedJsonLeavesAnExistingHoldAlone(String kind, String body) {
        ApiClient owner = server.kiosk(4);
        String holdId = hold(owner, List.of("E1", "E2"));
        JsonNode hold = owner.get("/holds/" + holdId).json();
        State before = state();
        assertError(
                owner.put("/holds/" + holdId + "/seats", body.replace("\"showtimeId\": 1, ", "")),
                400,
                "MALFORMED_REQUEST");
        assertUnchanged(before);
        assertThat(facts(owner.get("/holds/" + holdId).json())).isEqualTo(facts(hold));
        owner.delete("/holds/" + holdId);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("showtimeId as a word", "{\"showtimeId\": \"abc\", \"seatIds\": [\"A5\"]}"),
                Arguments.of("showtimeId as an object", "{\"showtimeId\": {\"id\": 1}, \"seatIds\": [\"A5\"]}"),
                Arguments.of("showtimeId with a fraction", "{\"showtimeId\": SHOWTIME.7, \"seatIds\": [\"A5\"]}"),
                Arguments.of("showtimeId as a boolean", "{\"showtimeId\": true, \"seatIds\": [\"A5\"]}"),
                Arguments.of("showtimeId beyond a long", "{\"showtimeId\": 1e40, \"seatIds\": [\"A5\"]}"),
                Arguments.of("seatIds as a string", "{\"showtimeId\": SHOWTIME, \"seatIds\": \"A5\"}"),
                Arguments.of("seatIds as a number", "{\"showtimeId\": SHOWTIME, \"seatIds\": 5}"),
                Arguments.of("seatIds nested", "{\"showtimeId\": SHOWTIME, \"seatIds\": [[\"A5\"]]}"));
    }

    @ParameterizedTest(name = "POST /holds with {0}")
    @MethodSource("wrongTypes")
    void wrongJsonTypesAreRefusedWith400(String kind, String body) {
        State before = state();
        assertError(kiosk.post("/holds", body.replace("SHOWTIME", Long.toString(showtime))), 400, "MALFORMED_REQUEST");
        assertUnchanged(before);
    }

    @Test
    void missingShowtimeIdIsInvalid() {
        State before = state();
        assertError(kiosk.post("/holds", "{\"seatIds\": [\"A5\"]}"), 422, "INVALID_REQUEST");
        assertError(kiosk.post("/holds", "{\"showtimeId\": null, \"seatIds\": [\"A5\"]}"), 422, "INVALID_REQUEST");
        assertUnchanged(before);
    }

    @Test
    void unknownShowtimeIsNotFound() {
        State before = state();
        assertError(kiosk.post("/holds", holdBody(987_654_321L, List.of("A5"))), 404, "NOT_FOUND");
        assertError(kiosk.get("/showtimes/987654321/seats"), 404, "NOT_FOUND");
        assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/showtimes/abc/seats",
                "/showtimes/1.5/seats",
                "/showtimes/99999999999999999999/seats",
                "/theaters/abc/showtimes"
            })
    void nonNumericIdInPathIsMalformed(String path) {
        State before = state();
        assertError(kiosk.get(path), 400, "MALFORMED_REQUEST");
        assertUnchanged(before);
    }

    @Test
    void unknownHoldIdIsNotFoundForEveryVerb() {
        State before = state();
        String path = "/holds/" + UUID.randomUUID();
        assertError(kiosk.get(path), 404, "NOT_FOUND");
        assertError(kiosk.put(path + "/seats", seatsBody(List.of("A5"))), 404, "NOT_FOUND");
        assertError(kiosk.post(path + "/extend", null), 404, "NOT_FOUND");
        assertError(kiosk.delete(path), 404, "NOT_FOUND");
        assertUnchanged(before);
    }

    @Test
    void nonUuidHoldIdIsMalformedForEveryVerb() {
        State before = state();
        for (String id : List.of("not-a-uuid", "123", UUID.randomUUID() + "0")) {
            String path = "/holds/" + id;
            assertError(kiosk.get(path), 400, "MALFORMED_REQUEST");
            assertError(kiosk.put(path + "/seats", seatsBody(List.of("A5"))), 400, "MALFORMED_REQUEST");
            assertError(kiosk.post(path + "/extend", null), 400, "MALFORMED_REQUEST");
            assertError(kiosk.delete(path), 400, "MALFORMED_REQUEST");
        }
        assertUnchanged(before);
    }

    @Test
    void seatsThatTheAuditoriumDoesNotHaveAreNamed() {
        State before = state();
        Answer answer = kiosk.post("/holds", holdBody(showtime, List.of("A5", "A23", "I3")));
        assertError(answer, 422, "INVALID_REQUEST");
        assertThat(answer.seatIds()).containsExactly("A23", "I3");
        assertUnchanged(before);
    }

    @Test
    void repeatedSeatIsInvalid() {
        State before = state();
        Answer answer = kiosk.post("/holds", holdBody(showtime, List.of("A5", "A6", "A5")));
        assertError(answer, 422, "INVALID_REQUEST");
        assertThat(answer.seatIds()).containsExactly("A5");
        assertUnchanged(before);
    }

    @Test
    void emptySeatListIsInvalid() {
        State before = state();
        assertError(kiosk.post("/holds", holdBody(showtime, List.of())), 422, "INVALID_REQUEST");
        assertError(kiosk.post("/holds", "{\"showtimeId\": " + showtime + "}"), 422, "INVALID_REQUEST");
        assertUnchanged(before);
    }

    @Test
    void nullInsideSeatListIsInvalid() {
        State before = state();
        String body = "{\"showtimeId\": " + showtime + ", \"seatIds\": [\"A5\", null]}";
        assertError(kiosk.post("/holds", body), 422, "INVALID_REQUEST");
        assertUnchanged(before);
    }

    @Test
    void aKioskMayHoldTenSeatsButNotEleven() {
        List<String> eleven = List.of("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11");
        State before = state();
        Answer tooMany = kiosk.post("/holds", holdBody(showtime, eleven));
        assertError(tooMany, 422, "INVALID_REQUEST");
        assertThat(tooMany.json().path("error").path("details").path("maxSeats").asInt())
                .isEqualTo(10);
        assertUnchanged(before);

        Answer ten = kiosk.post("/holds", holdBody(showtime, eleven.subList(0, 10)));
        assertThat(ten.status()).as(ten.body()).isEqualTo(201);
        assertThat(ten.seatIds()).hasSize(10);
        assertThat(kiosk.delete("/holds/" + ten.json().path("holdId").asText()).status())
                .isEqualTo(204);
    }

    @Test
    void theCounterMayHoldElevenSeats() {
        List<String> eleven = List.of("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11");
        Answer answer = server.counter().post("/holds", holdBody(showtime, eleven));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.seatIds()).containsExactlyInAnyOrderElementsOf(eleven);
        assertThat(server.counter()
                        .delete("/holds/" + answer.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anOutOfServiceSeatIsUnavailable() {
        State before = state();
        Answer answer = kiosk.post("/holds", holdBody(showtime, List.of("C10", "C11")));
        assertError(answer, 409, "SEATS_UNAVAILABLE");
        assertThat(answer.seatIds()).containsExactly("C11");
        assertUnchanged(before);
    }

    @Test
    void anotherTerminalsHoldIsForbiddenAndUntouched() {
        ApiClient owner = server.kiosk(2);
        ApiClient stranger = server.kiosk(3);
        String holdId = hold(owner, List.of("D1", "D2"));
        JsonNode original = owner.get("/holds/" + holdId).json();
        assertThat(original.path("status").asText()).isEqualTo("ACTIVE");
        State before = state();

        String path = "/holds/" + holdId;
        assertError(stranger.get(path), 403, "FORBIDDEN");
        assertError(stranger.put(path + "/seats", seatsBody(List.of("D3"))), 403, "FORBIDDEN");
        assertError(stranger.post(path + "/extend", null), 403, "FORBIDDEN");
        assertError(stranger.delete(path), 403, "FORBIDDEN");
        assertError(server.counter().delete(path), 403, "FORBIDDEN");

        assertUnchanged(before);
        assertThat(facts(owner.get(path).json())).isEqualTo(facts(original));
        assertThat(owner.delete(path).status()).isEqualTo(204);
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("no Authorization header", new String[0]),
                Arguments.of("an unknown token", new String[] {"Authorization", "Bearer not-a-real-token"}),
                Arguments.of("an empty bearer token", new String[] {"Authorization", "Bearer "}),
                Arguments.of("the Basic scheme", new String[] {"Authorization", "Basic xyz"}),
                Arguments.of("a known token under Basic", new String[] {"Authorization", "Basic demo-kiosk-1"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsAreUnauthorized(String kind, String[] headers) {
        ApiClient anonymous = server.client(null);
        State before = state();
        assertError(anonymous.get("/theaters", headers), 401, "UNAUTHORIZED");
        assertError(anonymous.get("/showtimes/" + showtime + "/seats", headers), 401, "UNAUTHORIZED");
        assertError(anonymous.post("/holds", holdBody(showtime, List.of("A5")), headers), 401, "UNAUTHORIZED");
        assertUnchanged(before);
    }

    @Test
    void anOversizedBodyIsTooLarge() {
        List<String> seats = new ArrayList<>();
        while (seats.size() * 10 < 200 * 1024) {
            seats.add("A" + seats.size());
        }
        State before = state();
        assertError(kiosk.post("/holds", holdBody(showtime, seats)), 413, "PAYLOAD_TOO_LARGE");
        assertUnchanged(before);
    }

    @Test
    void unknownEndpointIsNotFoundInJson() {
        assertError(kiosk.get("/no-such-thing"), 404, "NOT_FOUND");
        assertError(server.client(null).get("/no-such-thing"), 404, "NOT_FOUND");
        assertError(kiosk.post("/holds/" + UUID.randomUUID() + "/no-such-action", null), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodOnAKnownPathIsNotAllowed() {
        State before = state();
        assertError(kiosk.delete("/theaters"), 405, "METHOD_NOT_ALLOWED");
        assertError(kiosk.post("/showtimes/" + showtime + "/seats", "{}"), 405, "METHOD_NOT_ALLOWED");
        assertError(kiosk.send("PATCH", "/holds", "{}".getBytes()), 405, "METHOD_NOT_ALLOWED");
        assertUnchanged(before);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/theaters?near=abc", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters?near=40.4", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters?near=100,200", 422, "INVALID_REQUEST"),
                Arguments.of("/theaters?near=NaN,NaN", 422, "INVALID_REQUEST"),
                Arguments.of("/theaters?near=40.4,-3.7&radiusKm=-5", 422, "INVALID_REQUEST"),
                Arguments.of("/theaters?near=40.4,-3.7&radiusKm=0", 422, "INVALID_REQUEST"),
                Arguments.of("/theaters?near=40.4,-3.7&radiusKm=abc", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters?radiusKm=Infinity", 422, "INVALID_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=2026-13-45", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=2026-02-30", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=tomorrow", 400, "MALFORMED_REQUEST"),
                // dates LocalDate.parse takes but no clock or PostgreSQL can hold: these once made a 500
                Arguments.of("/theaters/1/showtimes?date=%2B999999999-12-31", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=-999999999-01-01", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=%2B300000-01-01", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/1/showtimes?date=-5000-01-01", 400, "MALFORMED_REQUEST"),
                Arguments.of("/theaters/999/showtimes", 404, "NOT_FOUND"),
                Arguments.of("/theaters/999/showtimes?date=2026-01-01", 404, "NOT_FOUND"),
                Arguments.of("/catalog/changes?since=abc", 400, "MALFORMED_REQUEST"),
                Arguments.of("/catalog/changes?since=-1", 400, "MALFORMED_REQUEST"),
                Arguments.of("/catalog/changes?since=99999999999999999999", 400, "MALFORMED_REQUEST"));
    }

    @ParameterizedTest(name = "GET {0} -> {1}")
    @MethodSource("badQueries")
    void badQueryParametersAreRefused(String path, int status, String code) {
        assertError(kiosk.get(path), status, code);
    }

    @ParameterizedTest(name = "date={0}")
    @ValueSource(strings = {"0000-01-01", "9999-12-31"})
    void theFarthestFourDigitDatesHaveNoShowtimes(String date) {
        Answer answer = kiosk.get("/theaters/1/showtimes?date=" + date);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void aCancelledShowtimeIsNotOnSale() {
        // a showtime no request of this class has touched, so the server holds no cached facts about it
        long cancelled = db.withHandle(h -> h.createQuery("""
                        select s.id from showtimes s join auditoriums a on a.id = s.auditorium_id
                         where a.theater_id = 2 order by s.starts_at desc limit 1""").mapTo(Long.class).one());
        db.useHandle(h -> h.execute("update showtimes set status = 'CANCELLED' where id = ?", cancelled));
        State before = state();
        assertError(kiosk.post("/holds", holdBody(cancelled, List.of("A5"))), 409, "SHOWTIME_NOT_ON_SALE");
        assertUnchanged(before);
        assertThat(holdsOf(cancelled)).isZero();
    }

    @Test
    void aShowtimeThatStartedLongAgoIsNotOnSale() {
        record Inserted(long id, Instant startsAt) {}
        Inserted started = db.withHandle(h -> h.createQuery("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format)
                        select (select min(id) from movies), a.id, now() - interval '2 hours', '2D'
                          from auditoriums a where a.theater_id = 1 and a.name = 'Sala 2'
                        returning id, starts_at""")
                .map((rs, ctx) -> new Inserted(
                        rs.getLong("id"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant()))
                .one());
        State before = state();
        assertError(kiosk.post("/holds", holdBody(started.id(), List.of("A5"))), 409, "SHOWTIME_NOT_ON_SALE");
        assertUnchanged(before);
        assertThat(holdsOf(started.id())).isZero();
        // still listed on its day, so that terminals can show it as closed
        LocalDate day = started.startsAt().atZone(DemoFixture.ZONE).toLocalDate();
        assertThat(server.showtimes(1, day).stream().map(s -> s.path("id").asLong()))
                .contains(started.id());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Status, code, a message for a person, and nothing of the server's insides. */
    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type").startsWith("application/json");
        assertThat(answer.errorCode()).as("code of %s", answer.body()).isEqualTo(code);
        String message = answer.json().path("error").path("message").asText();
        assertThat(message)
                .as("message")
                .isNotBlank()
                .hasSizeLessThan(300)
                .matches("(?s)^['A-Z].*[.!?]$")
                .doesNotContainPattern("(?i)exception|throwable|stack ?trace|jackson|jetty|javalin")
                .doesNotContainPattern("\\b(java|javax|org|com|io|sun)\\.[a-z]")
                .doesNotContainPattern("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b")
                .doesNotContainPattern("\\$|\\bat [a-z]+\\.|\\n");
        assertThat(answer.body())
                .doesNotContainPattern("(?i)exception|\\bat (java|org|io|com)\\.")
                .doesNotContain("org.marquee");
    }

    private State state() {
        State stored = db.withHandle(h -> h.createQuery("""
                        select (select count(*) from holds),
                               (select count(*) from holds where status = 'ACTIVE'),
                               (select coalesce(max(version), 0) from seat_claims),
                               (select count(*) from seat_claims where state <> 'FREE')""")
                .map((rs, ctx) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0))
                .one());
        Answer seatMap = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(seatMap.status()).isEqualTo(200);
        long version = seatMap.json().path("version").asLong();
        return new State(stored.holds(), stored.activeHolds(), stored.claimVersion(), stored.claimedSeats(), version);
    }

    private void assertUnchanged(State before) {
        assertThat(state())
                .as("holds, seat claims and seat map after a refused request")
                .isEqualTo(before);
    }

    private long holdsOf(long showtimeId) {
        return db.withHandle(h -> h.createQuery("select count(*) from holds where showtime_id = :s")
                .bind("s", showtimeId)
                .mapTo(Long.class)
                .one());
    }

    private String hold(ApiClient client, List<String> seats) {
        Answer answer = client.post("/holds", holdBody(showtime, seats));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    /** What a refused request must not change about a hold: everything but the server's clock. */
    private static List<JsonNode> facts(JsonNode hold) {
        return List.of(hold.path("status"), hold.path("seatIds"), hold.path("expiresAt"), hold.path("createdAt"));
    }

    static String holdBody(long showtimeId, List<String> seats) {
        return "{\"showtimeId\": " + showtimeId + ", " + seatsBody(seats).substring(1);
    }

    static String seatsBody(List<String> seats) {
        return Json.MAPPER
                .createObjectNode()
                .set("seatIds", Json.MAPPER.valueToTree(seats))
                .toString();
    }
}
