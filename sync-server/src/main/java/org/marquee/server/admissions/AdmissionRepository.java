package org.marquee.server.admissions;

import java.util.function.Function;
import org.marquee.model.AdmissionResult;
import org.marquee.model.RevokedTickets;

/** Admissions, the answers to scans, and revoked tickets, in PostgreSQL. */
public interface AdmissionRepository {

    /**
     * Records {@code scan} in one transaction and gives its result: the answer stored for the same terminal and
     * {@code scanId} when there is one; else the result {@code decide} gives for the ticket's facts (null facts: no
     * such ticket), admitting the ticket (once, whoever else is scanning it) when {@code decide} says
     * {@link Decision#ADMIT}.
     */
    AdmissionResult record(DoorScan scan, Function<TicketFacts, Decision> decide);

    /** Tickets revoked at or after the cursor (every one of a showtime not long over, at 0), with the next cursor. */
    RevokedTickets revokedSince(long cursor);

    /** What {@code decide} says of a scanned ticket. */
    enum Decision {
        ADMIT,
        REVOKED,
        WRONG_SHOWTIME,
        INVALID
    }
}
