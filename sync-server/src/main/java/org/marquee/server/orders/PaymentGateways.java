package org.marquee.server.orders;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marquee.model.ErrorCode;
import org.marquee.model.PaymentMethod;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.payments.PaymentGateway;

/** The gateway for each payment method. */
public final class PaymentGateways {

    private final Map<PaymentMethod, PaymentGateway> byMethod = new EnumMap<>(PaymentMethod.class);

    public PaymentGateways(List<PaymentGateway> gateways) {
        gateways.forEach(gateway -> byMethod.put(gateway.method(), gateway));
    }

    /** The gateway of {@code method}, if this server has one (no card terminal with {@code --card-terminal none}). */
    public Optional<PaymentGateway> find(PaymentMethod method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    public PaymentGateway of(PaymentMethod method) {
        PaymentGateway gateway = byMethod.get(method);
        if (gateway == null) {
            throw new MarqueeException(
                    ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED,
                    "No " + method.name().toLowerCase(java.util.Locale.ROOT) + " payment provider is configured on this"
                            + " server.");
        }
        return gateway;
    }
}
