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
    /** A seat layout that does not parse (422); the message names the row and column (DESIGN §7.1). */
    INVALID_LAYOUT,
    /** A new layout lacks seats held or sold for a showtime not yet started (409, {@code details.seatIds}). */
    LAYOUT_IN_USE,
    /** Moving a showtime in time or to another auditorium while seats are sold or held (409). */
    SHOWTIME_HAS_SALES,
    /** Showtimes of one auditorium would overlap (409, {@code details.showtimeIds}: the existing ones). */
    SCHEDULE_CLASH,
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
