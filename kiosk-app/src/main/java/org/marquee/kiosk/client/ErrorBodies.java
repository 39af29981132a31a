package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import okhttp3.Response;
import org.marquee.model.ErrorCode;

/** Reads the server's error body (DESIGN §4) into an {@link ApiProblem}, whatever client made the request. */
final class ErrorBodies {

    private ErrorBodies() {}

    /**
     * The server's error body as a problem. A code this build does not know yet (added to the contract later, such as
     * {@code LAST_MANAGER}) keeps its name in {@link ApiProblem#codeName()}.
     */
    static ApiProblem problem(Response response) throws IOException {
        byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
        ErrorCode fallback = response.code() >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.MALFORMED_REQUEST;
        try {
            JsonNode error = MarqueeClient.MAPPER.readTree(body).path("error");
            String message = error.path("message").asText(null);
            if (message != null) {
                String codeName = error.path("code").asText("");
                ErrorCode code = known(codeName, response.code() == 409 ? ErrorCode.CONFLICT : fallback);
                Map<String, Object> details = error.path("details").isObject()
                        ? MarqueeClient.MAPPER.convertValue(
                                error.path("details"), new TypeReference<Map<String, Object>>() {})
                        : new java.util.HashMap<>();
                String retryAfter = response.header("Retry-After");
                if (retryAfter != null && retryAfter.strip().matches("\\d{1,6}")) { // the contract's header decides
                    details.put(ApiProblem.RETRY_AFTER_SECONDS, Long.parseLong(retryAfter.strip()));
                }
                return new ApiProblem(response.code(), code, codeName, message, details);
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // not our error body (a proxy's page, say): fall through to a plain sentence
        }
        return new ApiProblem(
                response.code(),
                fallback,
                "The server could not handle this request (" + response.code() + "). Please try again.",
                null);
    }

    private static ErrorCode known(String name, ErrorCode otherwise) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return otherwise;
    }
}
