package org.marquee.server.payments;

import org.marquee.model.PaymentMethod;

/**
 * Where money is taken and given back. Built in: cash at the counter and a simulated card terminal; a real provider
 * is another implementation. A gateway never sees a card number: only a token from the card terminal.
 */
public interface PaymentGateway {

    PaymentMethod method();

    /** Takes the money, or says why not. May take long; never called inside a database transaction. */
    ChargeResult charge(ChargeRequest request);

    /** Gives back a charge taken earlier; true when it was refunded. */
    boolean refund(String providerRef, long amountMinor, String currency);

    /** What to charge: the order, the amount, and the means (a card token, or the cash handed over). */
    record ChargeRequest(String orderRef, long amountMinor, String currency, String cardToken, Long tenderedMinor) {
        @Override
        public String toString() {
            return "ChargeRequest[orderRef=" + orderRef + ", amountMinor=" + amountMinor + ", currency=" + currency
                    + "]";
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

        /** The provider did not answer in time; nothing is known to have been taken. */
        record TimedOut() implements ChargeResult {}
    }
}
