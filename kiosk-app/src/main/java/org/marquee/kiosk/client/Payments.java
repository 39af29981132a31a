package org.marquee.kiosk.client;

import java.util.UUID;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;

/**
 * Paying an order. Blocking: call off the FX thread. A declined card is refused with {@code PAYMENT_DECLINED}, a
 * hold that ended meanwhile with {@code HOLD_EXPIRED}; a card terminal that never answers times out.
 */
public interface Payments {

    PaymentResult pay(UUID orderId, PaymentRequest payment);
}
