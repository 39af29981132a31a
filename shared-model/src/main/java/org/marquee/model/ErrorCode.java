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
    /** A seat layout the parser refuses (422, DESIGN §7.1); the message is the parser's, naming the row. */
    INVALID_LAYOUT,
    /** A new layout lacks seats held or sold for a showtime not yet started (409); {@code details.seatIds}. */
    LAYOUT_IN_USE,
    /** A showtime would overlap others of its auditorium (409, DESIGN §7.1); {@code details.showtimeIds}. */
    SCHEDULE_CLASH,
    /** Moving the time or auditorium of a showtime with seats sold or held (409, DESIGN §7.1). */
    SHOWTIME_HAS_SALES,
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
