package org.marquee.server.orders;

import java.util.UUID;
import org.marquee.model.PaymentMethod;

/**
 * A payment row as the payment flow and the reconciler see it: written as {@code STARTED} before the provider is
 * called, its {@code id} the provider's idempotency key; then {@code APPROVED}, {@code PENDING}, {@code DECLINED},
 * {@code REFUND_DUE} (taken, bought nothing, being given back) or {@code REFUNDED}.
 */
public record PaymentIntent(
        UUID id,
        UUID orderId,
        PaymentMethod method,
        String status,
        long amountMinor,
        String currency,
        String providerRef,
        String cardLast4,
        Long tenderedMinor,
        Long changeMinor) {

    public boolean started() {
        return status.equals("STARTED");
    }
}
