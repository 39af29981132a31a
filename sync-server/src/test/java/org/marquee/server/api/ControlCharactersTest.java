package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.RawHttp;

/**
 * Control characters are refused with 422 before they reach a handler or SQL (PostgreSQL refuses NUL in text, which
 * used to make a 500): in JSON strings of any body, in the path and in the query. Tab and line feed stay allowed inside
 * JSON strings, where free text may hold them.
 */
class ControlCharactersTest extends BadInputBase {

    static Stream<Arguments> controlsInJson() {
        return Stream.of(
                Arguments.of("NUL", "\\u0000"),
                Arguments.of("a bell", "\\u0007"),
                Arguments.of("an escape", "\\u001b"),
                Arguments.of("DEL", "\\u007f"),
                Arguments.of("a C1 control", "\\u0085"),
                Arguments.of("a lone surrogate", "\\ud800"));
    }

    @ParameterizedTest(name = "{0} in the username at POST /sessions")
    @MethodSource("controlsInJson")
    void aControlInASignInNameIsInvalid(String kind, String escape) {
        Answer answer = server.counter().post("/sessions", "{\"username\":\"al" + escape + "ice\",\"pin\":\"1234\"}");
        assertRefusedControl(answer, "username");
    }

    @ParameterizedTest(name = "{0} in a seat id at POST /holds")
    @MethodSource("controlsInJson")
    void aControlInASeatIdIsInvalid(String kind, String escape) {
        State before = state();
        // an unknown seat was a 422 already; what shows the guard refused it is the field and the reason
        assertRefusedControl(
                kiosk.post("/holds", "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"A" + escape + "5\"]}"),
                "seatIds");
        assertUnchanged(before);
    }

    @Test
    void aNulInASignedWebhooksProviderRefIsInvalid() {
        String secret = db.withHandle(
                h -> h.createQuery("select value from server_settings where key = 'secret.payment-webhook'")
                        .mapTo(String.class)
                        .one());
        WebhookSignature signature = new WebhookSignature(Base64.getDecoder().decode(secret));
        String event = "{\"providerRef\":\"sim_\\u0000x\",\"status\":\"SUCCEEDED\"}";
        Answer answer = server.client(null)
                .post(
                        "/payments/webhook",
                        event,
                        WebhookSignature.HEADER,
                        signature.sign(event.getBytes(StandardCharsets.UTF_8)));
        assertRefusedControl(answer, "providerRef");
    }

    @Test
    void aControlInAFieldNameIsInvalid() {
        Answer answer = server.counter().post("/sessions", "{\"user\\u0000name\":\"alice\",\"pin\":\"1234\"}");
        assertError(answer, 422, "INVALID_REQUEST");
        assertThat(answer.json().path("error").path("message").asText()).contains("control character");
    }

    @Test
    void tabAndLineFeedInsideJsonTextPassTheGuard() {
        // no such clerk: the guard let the name through and sign-in said no, rather than a 422 or a 500
        assertError(
                server.counter().post("/sessions", "{\"username\":\"al\\tice\\n\",\"pin\":\"1234\"}"),
                401,
                "UNAUTHORIZED");
    }

    static Stream<Arguments> controlsInTheAddress() {
        return Stream.of(
                Arguments.of("/orders/ACD%01FG"),
                Arguments.of("/orders/ACDEFG%0A"),
                Arguments.of("/showtimes/1%7F/seats"),
                Arguments.of("/orders/ACDEFG?email=a%00b%40example.com"),
                Arguments.of("/orders/ACDEFG?email=a%0D%0AX-Injected:%201"),
                Arguments.of("/theaters/1/showtimes?date=2026-01-01%00"),
                Arguments.of("/theaters?near%00=1,2"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("controlsInTheAddress")
    void aControlInThePathOrQueryIsInvalid(String path) {
        Answer answer = kiosk.get(path);
        assertError(answer, 422, "INVALID_REQUEST");
        assertThat(answer.json().path("error").path("message").asText()).contains("control character");
    }

    private static void assertRefusedControl(Answer answer, String field) {
        assertError(answer, 422, "INVALID_REQUEST");
        assertThat(answer.json().path("error").path("message").asText())
                .isEqualTo("'" + field + "' holds a control character such as NUL; send plain text.");
        assertThat(answer.json().path("error").path("details").path("field").asText())
                .isEqualTo(field);
    }

    static Stream<Arguments> badEscapesInTheQuery() {
        return Stream.of(
                Arguments.of("/orders/ACDEFG?email=%zz"),
                Arguments.of("/orders/ACDEFG?email=%"),
                Arguments.of("/orders/ACDEFG?email=%ff%fe"),
                Arguments.of("/theaters/1/showtimes?date=%C0%AF"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badEscapesInTheQuery")
    void aBadEscapeInTheQueryIsMalformed(String path) {
        // sent over a plain socket: no HTTP client library lets these through
        RawHttp.Reply reply = new RawHttp(server.server().port()).get("/api/v1" + path);
        EngineErrorsTest.assertEngineError(reply, 400);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }
}
