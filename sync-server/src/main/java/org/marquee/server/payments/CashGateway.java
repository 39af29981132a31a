package org.marquee.server.payments;

import org.marquee.model.PaymentMethod;

/** Cash at the counter: always approved when enough was handed over, with the change to give back. */
public final class CashGateway implements PaymentGateway {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CASH;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        if (request.tenderedMinor() == null || request.tenderedMinor() < request.amountMinor()) {
            return new ChargeResult.Declined("The cash handed over is less than the total.");
        }
        return new ChargeResult.Approved(
                "cash-" + request.idempotencyKey(), null, request.tenderedMinor() - request.amountMinor());
    }

    @Override
    public ChargeResult lookup(String idempotencyKey) {
        // cash changes hands at the counter, not here: a sale that never finished took nothing the server knows of,
        // and the clerk's retry with the same Idempotency-Key finishes it
        return new ChargeResult.NotFound();
    }

    @Override
    public boolean refund(String providerRef, long amountMinor, String currency) {
        // the clerk hands the cash back; the drawer's count is the record
        return true;
    }
}
