package org.marquee.model;

/** What a door scan came to (DESIGN §9). */
public enum AdmissionVerdict {
    /** Let in: this scan admitted the ticket. */
    ADMITTED,
    /** The ticket was admitted before, at this door or another. */
    ALREADY_ADMITTED,
    /** The ticket's order was refunded or cancelled, or its showtime was cancelled. */
    REVOKED,
    /** A valid ticket for another showtime than the one this door admits. */
    WRONG_SHOWTIME,
    /** Not a ticket of ours: forged, altered, expired, unreadable or unknown. */
    INVALID
}
