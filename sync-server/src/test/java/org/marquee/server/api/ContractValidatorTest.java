package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient.Answer;

/** The contract check itself: answers that break the OpenAPI document are caught, not waved through. */
class ContractValidatorTest {

    private static final ContractValidator CONTRACT = new ContractValidator(List.of());

    @Test
    void anAnswerThatDoesNotMatchTheDocumentIsCaught() {
        HttpHeaders json = HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("t")), (a, b) -> true);
        Answer noHoldId = new Answer(
                201,
                json,
                "{\"showtimeId\":1,\"seatIds\":[],\"status\":\"ACTIVE\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                        + "\"expiresAt\":\"2026-01-01T00:00:00Z\",\"maxExpiresAt\":\"2026-01-01T00:00:00Z\","
                        + "\"serverTime\":\"2026-01-01T00:00:00Z\"}");
        assertThat(CONTRACT.errors("POST", "/holds", noHoldId)).isNotEmpty();
        Answer undocumentedStatus = new Answer(418, json, "{}");
        assertThat(CONTRACT.errors("GET", "/theaters", undocumentedStatus)).isNotEmpty();
        Answer wrongCode =
                new Answer(409, json, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"m\",\"details\":{}}}");
        assertThat(CONTRACT.errors("POST", "/holds", wrongCode)).isNotEmpty();
        Answer noRequestId = new Answer(
                200,
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                "{\"status\":\"UP\",\"database\":\"UP\",\"version\":\"x\"}");
        assertThat(CONTRACT.errors("GET", "/health", noRequestId)).isNotEmpty();
        Answer undocumentedField =
                new Answer(200, json, "{\"status\":\"UP\",\"database\":\"UP\",\"version\":\"x\",\"uptime\":1}");
        assertThat(CONTRACT.errors("GET", "/health", undocumentedField))
                .as(
                        "the validator refuses fields the document does not name, so every field the server sends is documented")
                .isNotEmpty();
    }
}
