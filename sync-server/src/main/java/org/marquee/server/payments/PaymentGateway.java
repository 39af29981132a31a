package org.marquee.server.payments;

import org.marquee.model.PaymentMethod;

/**
 * Where money is taken and given back. Built in: cash at the counter and a simulated card terminal; a real provider
 * is another implementation. A gateway never sees a card number: only a token from the card terminal. Every charge
 * carries an idempotency key (the payment's id): a provider takes at most one charge per key, whatever the retries,
 * and can say afterwards what became of it.
 */
public interface PaymentGateway {

    PaymentMethod method();

    /** Takes the money, or says why not. May take long; never called inside a database transaction. */
    ChargeResult charge(ChargeRequest request);

    /**
     * What became of the charge sent with {@code idempotencyKey}. {@link ChargeResult.NotFound} means none was taken,
     * and the provider will take none with that key from now on; {@link ChargeResult.TimedOut} that it cannot tell now.
     */
    ChargeResult lookup(String idempotencyKey);

    /** Gives back a charge taken earlier; true when it was refunded (also when it already was). */
    boolean refund(String providerRef, long amountMinor, String currency);

    /** What to charge: the order, the amount, the means (a card token, or the cash handed over) and the key. */
    record ChargeRequest(
            String orderRef,
            long amountMinor,
            String currency,
            String cardToken,
            Long tenderedMinor,
            String idempotencyKey) {
        @Override
        public String toString() {
            return "ChargeRequest[orderRef=" + orderRef + ", amountMinor=" + amountMinor + ", currency=" + currency
                    + ", idempotencyKey=" + idempotencyKey + "]";
        }
    }

    /** How a charge ended. */
    sealed interface ChargeResult {

        /** Money taken; {@code cardLast4} is null for cash, {@code changeMinor} null for cards. */
        record Approved(String providerRef, String cardLast4, Long changeMinor) implements ChargeResult {}

        /** No money taken; {@code reason} is fit to show to the customer. */
        record Declined(String reason) implements ChargeResult {}

        /** The provider will confirm later, through the webhook. */
        record Pending(String providerRef) implements ChargeResult {}

        /** The provider did not answer in time; whether money was taken is not known yet. */
        record TimedOut() implements ChargeResult {}

        /** The provider took no charge with this key and will take none. */
        record NotFound() implements ChargeResult {}
    }
}
