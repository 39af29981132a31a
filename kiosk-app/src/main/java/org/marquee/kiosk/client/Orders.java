package org.marquee.kiosk.client;

import java.util.List;
import java.util.UUID;
import org.marquee.model.OrderView;
import org.marquee.model.TicketRequest;

/** Orders as the server prices and keeps them. Blocking: call off the FX thread. */
public interface Orders {

    /** Creates the hold's order, or replaces the tickets of its unpaid one (same code), priced by the server. */
    OrderView order(UUID holdId, List<TicketRequest> tickets, String email);

    /** The order with this id or booking code; a kiosk must give the order's e-mail. */
    OrderView findOrder(String idOrCode, String email);
}
