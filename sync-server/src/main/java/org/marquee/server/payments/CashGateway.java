package org.marquee.server.payments;

import java.util.UUID;
import org.marquee.model.PaymentMethod;

/** Cash at the counter: always approved when enough was handed over, with the change to give back. */
public final class CashGateway implements PaymentGateway {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CASH;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        long tendered = request.tenderedMinor() == null ? request.amountMinor() : request.tenderedMinor();
        if (tendered < request.amountMinor()) {
            return new ChargeResult.Declined("The cash handed over is less than the total.");
        }
        return new ChargeResult.Approved("cash-" + UUID.randomUUID(), null, tendered - request.amountMinor());
    }

    @Override
    public boolean refund(String providerRef, long amountMinor, String currency) {
        // the clerk hands the cash back; the drawer's count is the record
        return true;
    }
}
