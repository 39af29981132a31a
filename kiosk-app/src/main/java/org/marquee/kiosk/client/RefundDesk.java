package org.marquee.kiosk.client;

import java.util.UUID;
import org.marquee.model.OrderView;

/** A connection of its own on which a manager signs in to refund one order, then signs out. Blocking. */
public interface RefundDesk extends StaffSessions {

    /** {@code POST /orders/{id}/refund} as whoever is signed in on this connection (a MANAGER, or 403). */
    OrderView refund(UUID orderId);
}
