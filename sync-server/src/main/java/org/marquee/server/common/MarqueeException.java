package org.marquee.server.common;

import java.util.Map;
import org.marquee.model.ErrorCode;

/**
 * The one exception type of the server's domain: a code for programs, a message fit for the person at the terminal,
 * and details such as the seats that were taken. The HTTP layer turns it into the error body and a status.
 */
public class MarqueeException extends RuntimeException {

    /** A detail (whole seconds) that the HTTP layer also sends as {@code Retry-After}, for 429 and 503 answers. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final ErrorCode code;
    private final Map<String, Object> details;

    public MarqueeException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public MarqueeException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, message, details, true);
    }

    private MarqueeException(ErrorCode code, String message, Map<String, Object> details, boolean stackTrace) {
        super(message, null, true, stackTrace);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /**
     * A rule's answer to a request (seats kept for the box office, a single seat left alone), not a fault: under load it
     * is the most common answer of the hold path, twice per request (memory's hint, then the check), so it carries no
     * stack trace, whose filling in was most of its cost. Never for anything a developer would need to trace.
     */
    public static MarqueeException refusal(ErrorCode code, String message, Map<String, Object> details) {
        return new MarqueeException(code, message, details, false);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static MarqueeException notFound(String message) {
        return new MarqueeException(ErrorCode.NOT_FOUND, message);
    }

    public static MarqueeException invalid(String message) {
        return new MarqueeException(ErrorCode.INVALID_REQUEST, message);
    }

    public static MarqueeException malformed(String message) {
        return new MarqueeException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
