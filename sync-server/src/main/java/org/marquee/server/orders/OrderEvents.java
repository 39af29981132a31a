package org.marquee.server.orders;

import org.marquee.model.PaymentMethod;

/**
 * What became of orders, told to whoever counts them (the metrics). An interface of the domain, as {@code HoldEvents}
 * is for holds, so that the counters need not read orders; {@link #NONE} when nobody counts.
 */
public interface OrderEvents {

    OrderEvents NONE = method -> {};

    /**
     * An order was paid, at a terminal or by a provider's late answer; {@code method} is how, or null when no approved
     * payment is on record.
     */
    void paid(PaymentMethod method);
}
