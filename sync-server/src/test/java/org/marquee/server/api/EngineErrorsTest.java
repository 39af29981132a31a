package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.RawHttp;
import org.marquee.server.testing.RawHttp.Reply;

/**
 * DESIGN §10: requests the HTTP engine refuses before any handler runs still get the §4 error body, with the status
 * the engine chose, in JSON, and at once rather than after a long timeout.
 */
class EngineErrorsTest extends BadInputBase {

    private RawHttp raw() {
        return new RawHttp(server.server().port());
    }

    static Stream<Arguments> badTargets() {
        return Stream.of(
                Arguments.of("a NUL escape in the path", "/api/v1/showtimes/%00/seats", 400),
                Arguments.of("a lone percent sign", "/api/v1/showtimes/%/seats", 400),
                Arguments.of("a percent sign without hex digits", "/api/v1/showtimes/%zz/seats", 400),
                Arguments.of("bytes that are not UTF-8", "/api/v1/orders/%ff%fe", 400),
                Arguments.of("bytes that are not UTF-8 in a path parameter", "/api/v1/holds/%ff%fe/seats", 400),
                Arguments.of("an overlong UTF-8 slash", "/api/v1/showtimes/%C0%AF/seats", 400),
                Arguments.of("a bad escape in the query", "/api/v1/theaters?near=%zz", 400),
                Arguments.of("a 10 KB path", "/api/v1/" + "a".repeat(10 * 1024), 414),
                Arguments.of("a 10 KB query", "/api/v1/theaters?near=" + "1".repeat(10 * 1024), 414));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badTargets")
    void aTargetTheEngineRefusesGetsTheErrorBody(String kind, String target, int status) {
        State before = state();
        assertEngineError(raw().get(target), status);
        assertUnchanged(before);
    }

    @Test
    void aHundredKilobyteHeaderGetsTheErrorBody() {
        assertEngineError(raw().get("/api/v1/theaters", "X-Filler: " + "x".repeat(100 * 1024)), 431);
    }

    @Test
    void anUnknownMethodGetsTheErrorBody() {
        Reply reply = raw().send(
                        "BREW /api/v1/theaters HTTP/1.1\nHost: localhost\nAuthorization: Bearer demo-kiosk-1\n"
                                + "Connection: close",
                        "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(405);
        assertEngineError(reply, reply.status());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsRefusedPromptly() {
        State before = state();
        Reply reply = raw().send(
                        "POST /api/v1/holds HTTP/1.1\nHost: localhost\nAuthorization: Bearer demo-kiosk-1\n"
                                + "Content-Type: application/json\nContent-Length: 200",
                        "{\"showtimeId\": " + showtime + ", \"seatIds\": [\"A5\"");
        assertThat(reply.took()).as("time to answer").isLessThan(Duration.ofSeconds(15));
        assertThat(reply.status()).as(reply.body()).isIn(400, 408);
        assertEngineError(reply, reply.status());
        assertUnchanged(before);
    }

    @Test
    void aQuietLiveStreamOutlivesTheRequestTimeout() {
        // the 5 s limit is for a stalled read or write; a seat-map stream with nothing to say (heartbeat every 15 s)
        // is neither, and must stay open
        try (EventStream stream = EventStream.open(server.kiosk(3), showtime, null)) {
            assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("hello");
            assertThat(stream.next(Duration.ofSeconds(8)))
                    .as("an event while nothing changed")
                    .isNull();
            assertThat(stream.ended()).as("stream ended after a quiet spell").isFalse();
            String holdId = hold(server.kiosk(4), List.of("M3"));
            EventStream.Event change =
                    stream.next(Duration.ofSeconds(10), e -> e.data().contains("M3"));
            assertThat(change).as("the change after the quiet spell").isNotNull();
            server.kiosk(4).delete("/holds/" + holdId);
        }
    }

    /** The §4 body, in JSON, with a message for a person and nothing of the engine's insides. */
    static void assertEngineError(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type"))
                .as("content type of %s %s", reply.status(), reply.body())
                .startsWith("application/json");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        var error = reply.json().path("error");
        assertThat(error.path("code").asText()).as(reply.body()).isNotBlank();
        assertThat(error.path("details").isObject())
                .as("details of %s", reply.body())
                .isTrue();
        assertThat(error.path("message").asText())
                .as("message")
                .isNotBlank()
                .hasSizeLessThan(300)
                .matches("(?s)^['A-Z].*[.!?]$")
                .doesNotContainPattern("(?i)exception|jetty|javalin|servlet|html");
        assertThat(reply.body()).doesNotContainPattern("(?i)<html|exception|org\\.eclipse");
    }
}
