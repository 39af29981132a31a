package org.marquee.kiosk.scanner;

import java.time.Instant;
import org.marquee.model.AdmissionVerdict;

/**
 * What the door says about one scan, from the token, the cached keys and the cached revoked list alone. {@code why}
 * tells the usher the reason for red; {@code ticketId}, {@code seatId} and {@code showtimeId} are there for a genuine
 * token; {@code admittedAt}/{@code admittedBy} for a ticket that was let in before.
 */
public record DoorVerdict(
        AdmissionVerdict result,
        Why why,
        Long ticketId,
        String seatId,
        Long showtimeId,
        Instant admittedAt,
        String admittedBy) {

    /** Why a ticket is refused (or NONE when it is let in). */
    public enum Why {
        NONE,
        NOT_A_TICKET,
        UNKNOWN_KEY,
        OLD_FORMAT,
        EXPIRED,
        REFUNDED,
        ORDER_CANCELLED,
        SHOWTIME_CANCELLED,
        OTHER_SHOWTIME,
        ALREADY_ADMITTED
    }

    public boolean green() {
        return result == AdmissionVerdict.ADMITTED;
    }
}
