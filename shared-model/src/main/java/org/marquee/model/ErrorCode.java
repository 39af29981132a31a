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
    /** The hold would leave a single free seat alone (DESIGN §8); {@code details.seatIds} names it. */
    SINGLE_SEAT_GAP,
    /** Wheelchair spaces and companion seats are kept for accessible holds (DESIGN §8). */
    ACCESSIBLE_SEATS_RESERVED,
    /** House seats are kept for the counter and managers until their release (DESIGN §8). */
    HOUSE_SEATS,
    CONFLICT,
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
