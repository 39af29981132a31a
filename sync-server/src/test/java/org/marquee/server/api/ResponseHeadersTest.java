package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.RawHttp;
import org.slf4j.LoggerFactory;

/**
 * Headers on every answer: nosniff everywhere, no-store on everything but the seat map, a request id that is safe to
 * log (invariant 7), and a health check that tells its version only to callers with a token.
 */
class ResponseHeadersTest extends BadInputBase {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    void captureLogs() {
        ((Logger) LoggerFactory.getLogger("org.marquee.server.request")).setLevel(Level.INFO);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @ParameterizedTest(name = "X-Request-Id: {0}")
    @ValueSource(
            strings = {
                "4242424242424242",
                "4242 4242 4242 4242",
                "4242-4242-4242-4242",
                "req-4242424242424242",
                "1234567890123456789",
                "<script>"
            })
    void anUnsafeRequestIdIsReplacedAndNeverLogged(String given) {
        Answer answer = kiosk.get("/theaters", "X-Request-Id", given);
        assertThat(answer.status()).isEqualTo(200);
        String echoed = answer.header("X-Request-Id");
        assertThat(echoed)
                .isNotBlank()
                .isNotEqualTo(given)
                .doesNotContain("4242")
                .doesNotContain("123456789");
        String digits = given.replaceAll("\\D", "");
        assertThat(logs.list)
                .as("log lines and their request ids")
                .noneMatch(e -> e.getFormattedMessage().replaceAll("\\D", "").contains(digits.isEmpty() ? "x" : digits)
                        || e.getMDCPropertyMap().values().stream().anyMatch(v -> v.contains(given)));
    }

    @ParameterizedTest(name = "X-Request-Id: {0}")
    @ValueSource(strings = {"abc-123", "3f2b6c1e-8d4a-4b7e-9c1d-2a5e7f9b0c3d", "trace:7.span_9"})
    void aSafeRequestIdIsEchoedAndLogged(String given) {
        Answer answer = kiosk.get("/theaters", "X-Request-Id", given);
        assertThat(answer.header("X-Request-Id")).isEqualTo(given);
        assertThat(logs.list).anyMatch(e -> given.equals(e.getMDCPropertyMap().get("requestId")));
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshUuidOfItsOwn() {
        List<String> ids = Stream.generate(() -> kiosk.get("/theaters").header("X-Request-Id"))
                .limit(20)
                .toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        });
        assertThat(Stream.generate(ResponseHeaders::fresh)
                        .limit(100_000)
                        .distinct()
                        .count())
                .isEqualTo(100_000);
    }

    @Test
    void everyAnswerSaysNosniff() {
        List<Answer> answers = List.of(
                kiosk.get("/theaters"),
                server.client(null).get("/health"),
                server.client(null).get("/theaters"),
                kiosk.get("/no-such-thing"),
                kiosk.delete("/theaters"),
                kiosk.post("/holds", "{"),
                kiosk.get("/showtimes/" + showtime + "/seats"));
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.header("X-Content-Type-Options"))
                        .as("nosniff on %s", a.body().length() > 80 ? a.body().substring(0, 80) : a.body())
                        .isEqualTo("nosniff"));
    }

    @Test
    void noAnswerNamesTheServersSoftware() {
        for (Answer answer : List.of(server.client(null).get("/health"), kiosk.get("/no-such-thing"))) {
            assertThat(answer.header("Server")).as("Server header").isNull();
            assertThat(answer.header("X-Powered-By")).as("X-Powered-By header").isNull();
        }
        assertThat(new RawHttp(server.server().port()).get("/api/v1/%zz").header("Server"))
                .as("Server header of an engine error")
                .isNull();
    }

    @Test
    void answersWithTokensOrPersonalDataAreNotStored() {
        Answer session = server.counter().post("/sessions", "{\"username\":\"alice\",\"pin\":\"1234\"}");
        Answer hold = kiosk.post("/holds", holdBody(showtime, List.of("J1")));
        Answer terminal = kiosk.get("/terminals/me");
        Answer error = kiosk.get("/orders/ACDEFG");
        Stream.of(session, hold, terminal, error)
                .forEach(a -> assertThat(a.header("Cache-Control")).as(a.body()).isEqualTo("no-store"));
        kiosk.delete("/holds/" + hold.json().path("holdId").asText());
    }

    @Test
    void theSeatMapStaysRevalidatable() {
        Answer seats = kiosk.get("/showtimes/" + showtime + "/seats");
        assertThat(seats.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(seats.header("ETag")).isNotBlank();
        Answer again = kiosk.get("/showtimes/" + showtime + "/seats", "If-None-Match", seats.header("ETag"));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void healthTellsItsVersionOnlyToCallersWithAToken() {
        Answer anonymous = server.client(null).get("/health");
        Answer wrongToken = server.client("not-a-token").get("/health");
        Answer terminal = kiosk.get("/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("version").isNull())
                .as(anonymous.body())
                .isTrue();
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(wrongToken.status()).isEqualTo(200);
        assertThat(wrongToken.json().path("version").isNull())
                .as(wrongToken.body())
                .isTrue();
        assertThat(terminal.json().path("version").asText()).as(terminal.body()).isNotBlank();
    }
}
