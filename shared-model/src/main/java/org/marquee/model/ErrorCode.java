package org.marquee.model;

/** Machine-readable code in every error body; clients branch on it, people read the message beside it. */
public enum ErrorCode {
    MALFORMED_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    SEATS_UNAVAILABLE,
    HOLD_EXPIRED,
    HOLD_NOT_ACTIVE,
    SHOWTIME_NOT_ON_SALE,
    CONFLICT,
    /** A staff change that would leave no active manager (409, DESIGN §7.2). */
    LAST_MANAGER,
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT,
    /** Cards cannot be taken: the server runs with {@code --card-terminal none} (503). */
    PAYMENT_PROVIDER_NOT_CONFIGURED,
    PAYLOAD_TOO_LARGE,
    INVALID_REQUEST,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    /** PostgreSQL is down, restarting or unreachable: answered 503 with {@code Retry-After}. */
    DATABASE_UNAVAILABLE,
    INTERNAL_ERROR
}
