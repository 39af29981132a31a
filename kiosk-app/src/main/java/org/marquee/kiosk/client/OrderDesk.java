package org.marquee.kiosk.client;

import java.util.UUID;
import org.marquee.model.OrderView;

/** What the counter does with an order found by its code: look it up, print its tickets again, cancel it unpaid. */
public interface OrderDesk {

    OrderView findOrder(String idOrCode, String email);

    byte[] ticketsPdf(UUID orderId);

    /** An unpaid order becomes CANCELLED and its seats free. */
    OrderView cancel(UUID orderId);
}
