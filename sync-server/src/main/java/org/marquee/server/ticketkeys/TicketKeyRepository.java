package org.marquee.server.ticketkeys;

import java.time.Duration;
import java.util.List;

/** Where ticket keys are kept (PostgreSQL's {@code ticket_keys}, shared by every instance). */
public interface TicketKeyRepository {

    /** Every key, oldest first. */
    List<TicketKeyRecord> all();

    /** Adds {@code key} as the current key unless there is one already (another instance made it); true if added. */
    boolean addFirst(TicketKeyRecord key);

    /**
     * Retires the current key, valid until {@code grace} after the last showtime's start (its tickets are for showtimes
     * that exist now), and makes {@code next} the current key, in one transaction; returns the retired key's id.
     */
    String rotate(TicketKeyRecord next, Duration grace);
}
