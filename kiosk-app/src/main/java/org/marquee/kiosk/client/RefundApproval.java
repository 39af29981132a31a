package org.marquee.kiosk.client;

import java.util.UUID;
import org.marquee.model.OrderView;

/** A refund made with a manager's PIN at a clerk's terminal. Blocking: call it off the FX thread. */
public interface RefundApproval {

    /** Refunds a paid order as the manager {@code username}; a PIN without the right is refused (403). */
    OrderView refund(String username, String pin, UUID orderId);
}
