package org.marquee.kiosk.client;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.AdmissionResult;
import org.marquee.model.AdmissionScan;
import org.marquee.model.RevokedTickets;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketKeyView;

/** What a door scanner asks the server (DESIGN §9). Blocking; refusals and an unreachable server are ApiProblems. */
public interface DoorDesk {

    /** The public keys that check ticket tokens. */
    List<TicketKeyView> ticketKeys();

    /** Tickets revoked since the cursor ("0": all that matter). */
    RevokedTickets revokedSince(String cursor);

    /** Records scans (at most 200) and gives one result per scan, in order. */
    List<AdmissionResult> admit(List<AdmissionScan> scans);

    /** The showtimes of a theater on a day, with seats sold, for the door to pick from. */
    List<ShowtimeListing> showtimes(long theaterId, LocalDate date);
}
