package org.marquee.server.orders;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.marquee.model.PaymentMethod;
import org.marquee.server.payments.PaymentGateway;

/** The gateway for each payment method. */
public final class PaymentGateways {

    private final Map<PaymentMethod, PaymentGateway> byMethod = new EnumMap<>(PaymentMethod.class);

    public PaymentGateways(List<PaymentGateway> gateways) {
        gateways.forEach(gateway -> byMethod.put(gateway.method(), gateway));
    }

    public PaymentGateway of(PaymentMethod method) {
        PaymentGateway gateway = byMethod.get(method);
        if (gateway == null) {
            throw new IllegalStateException("No payment gateway for " + method);
        }
        return gateway;
    }
}
