package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;

/**
 * DESIGN §4 error rules, one kind of bad input at a time: the right status and code, a message written for a person,
 * nothing changed, and a server that still answers afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends BadInputBase {

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
}
