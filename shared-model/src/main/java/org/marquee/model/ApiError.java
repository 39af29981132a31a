package org.marquee.model;

import java.util.Map;

/** The body of every error answer: {@code {"error": {"code", "message", "details"}}}. */
public record ApiError(Body error) {

    /** Code for programs, message for people, details (such as {@code seatIds}) for both. */
    public record Body(ErrorCode code, String message, Map<String, Object> details) {
        public Body {
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }

    public static ApiError of(ErrorCode code, String message, Map<String, Object> details) {
        return new ApiError(new Body(code, message, details));
    }
}
