package org.marquee.kiosk.client;

import org.marquee.model.OrderView;

/**
 * A customer's tickets again at a kiosk, bought online, at the counter or at another kiosk: everything goes by the
 * booking code and the order's e-mail (DESIGN §4, {@code GET /orders/{code}?email=}), which together prove the customer
 * may have them. A wrong code or e-mail is one 404 that does not say which; a terminal that misses too often gets 429
 * with a wait ({@link ApiProblem#retryAfterSeconds()}). Blocking: call off the FX thread.
 */
public interface TicketPickup {

    /** The order with this code and e-mail. */
    OrderView find(String code, String email);

    /** The paid order's tickets as the server's printable PDF. */
    byte[] ticketsPdf(String code, String email);

    /** Sends the paid order's tickets again to its own e-mail. */
    OrderView emailTickets(String code, String email);
}
