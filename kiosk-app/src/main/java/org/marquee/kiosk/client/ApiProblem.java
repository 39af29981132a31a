package org.marquee.kiosk.client;

import java.util.Map;
import org.marquee.model.ErrorCode;

/**
 * A request the server refused, or could not answer. {@code getMessage()} is always fit to show to the person at the
 * terminal: the server's own message when it sent one, otherwise a plain sentence. {@code status} is 0 when the
 * server could not be reached at all.
 */
public final class ApiProblem extends RuntimeException {

    /** The detail that carries how long to wait before asking again ({@code Retry-After}, whole seconds). */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final int status;
    private final ErrorCode code;
    private final String codeName;
    private final Map<String, Object> details;

    public ApiProblem(int status, ErrorCode code, String message, Map<String, Object> details) {
        this(status, code, code.name(), message, details);
    }

    /** With the code's name as the server sent it, which may be one this build's {@link ErrorCode} lacks. */
    public ApiProblem(int status, ErrorCode code, String codeName, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.codeName = codeName == null || codeName.isEmpty() ? code.name() : codeName;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ApiProblem unreachable(String message) {
        return new ApiProblem(0, ErrorCode.SERVICE_UNAVAILABLE, message, Map.of());
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    /** The code's name as the server sent it: {@code LAST_MANAGER}, {@code INVALID_REQUEST}… */
    public String codeName() {
        return codeName;
    }

    /** The field a refusal names ({@code details.field}), or null. */
    public String field() {
        return details.get("field") instanceof String field ? field : null;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** How many seconds the server asked to wait (429 or 503 with {@code Retry-After}), or 0 when it did not say. */
    public long retryAfterSeconds() {
        return details.get(RETRY_AFTER_SECONDS) instanceof Number seconds ? Math.max(0, seconds.longValue()) : 0;
    }

    /** True when the server was not reached: the terminal is offline, not refused. */
    public boolean offline() {
        return status == 0;
    }

    /** Seat ids the server named, for SEATS_UNAVAILABLE. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> seatIds() {
        Object ids = details.get("seatIds");
        return ids instanceof java.util.List<?> list ? (java.util.List<String>) list : java.util.List.of();
    }

    /** Showtime ids the server named, for SCHEDULE_CLASH: numbers in JSON, so read whatever integer type came. */
    public java.util.List<Long> showtimeIds() {
        Object ids = details.get("showtimeIds");
        if (!(ids instanceof java.util.List<?> list)) {
            return java.util.List.of();
        }
        return list.stream()
                .filter(Number.class::isInstance)
                .map(id -> ((Number) id).longValue())
                .toList();
    }
}
