package org.marquee.server.web;

import org.marquee.model.ErrorCode;

/** The HTTP status of each error code: the error mapper writes it, and answers kept for retries carry it. */
public final class ErrorStatus {

    private ErrorStatus() {}

    public static int of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case PAYMENT_DECLINED -> 402;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case SEATS_UNAVAILABLE,
                    HOLD_EXPIRED,
                    HOLD_NOT_ACTIVE,
                    SHOWTIME_NOT_ON_SALE,
                    CONFLICT,
                    SINGLE_SEAT_GAP,
                    ACCESSIBLE_SEATS_RESERVED,
                    HOUSE_SEATS,
                    LAYOUT_IN_USE,
                    SHOWTIME_HAS_SALES,
                    SCHEDULE_CLASH,
                    LAST_MANAGER -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case INVALID_REQUEST, INVALID_LAYOUT -> 422;
            case RATE_LIMITED -> 429;
            case SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, PAYMENT_PROVIDER_NOT_CONFIGURED -> 503;
            case PAYMENT_TIMEOUT -> 504;
            case INTERNAL_ERROR -> 500;
        };
    }
}
