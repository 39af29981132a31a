package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;

/** Bad requests beyond the body: credentials, size, routing, query parameters, showtimes not on sale. */
class BadRequestTest extends BadInputBase {

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
}
