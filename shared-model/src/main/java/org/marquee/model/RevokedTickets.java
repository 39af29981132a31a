package org.marquee.model;

import java.util.List;

/**
 * Answer of {@code GET /admissions/revoked?since=CURSOR}: tickets revoked after the cursor (all of them at 0), their
 * ids also as a plain list, and the cursor to ask with next time. A ticket may come again in a later answer.
 */
public record RevokedTickets(String cursor, List<Long> ticketIds, List<RevokedTicket> revoked) {
    public RevokedTickets {
        ticketIds = List.copyOf(ticketIds);
        revoked = List.copyOf(revoked);
    }
}
