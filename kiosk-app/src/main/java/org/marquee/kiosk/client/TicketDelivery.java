package org.marquee.kiosk.client;

import java.util.UUID;
import org.marquee.model.OrderView;

/** A paid order's tickets: as a printable PDF, or sent by e-mail. Blocking: call off the FX thread. */
public interface TicketDelivery {

    byte[] ticketsPdf(UUID orderId);

    OrderView emailTickets(UUID orderId, String email);
}
