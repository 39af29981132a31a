package org.marquee.server.orders;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.Role;
import org.marquee.server.auth.Principal;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.payments.PaymentGateway;
import org.marquee.server.payments.PaymentGateway.ChargeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying an order. The charge happens outside any transaction; then one transaction sells the seats only if the hold
 * is still active (invariant 5). Money taken for seats that could not be sold is refunded, and the answer says so.
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** The outcome of a payment that went through or is awaited. */
    public sealed interface Outcome {
        record Paid(OrderRecord order, Long changeMinor) implements Outcome {}

        record Pending(OrderRecord order) implements Outcome {}
    }

    private final OrderService orders;
    private final OrderStore store;
    private final PaymentGateways gateways;
    private final Duration timeout;
    private final Consumer<OrderRecord> onPaid;
    private final ExecutorService charging = Executors.newVirtualThreadPerTaskExecutor();

    public PaymentService(
            OrderService orders,
            OrderStore store,
            PaymentGateways gateways,
            Duration timeout,
            Consumer<OrderRecord> onPaid) {
        this.orders = orders;
        this.store = store;
        this.gateways = gateways;
        this.timeout = timeout;
        this.onPaid = onPaid;
    }

    public Outcome pay(Principal caller, UUID orderId, PaymentRequest request) {
        OrderService.requireSeller(caller);
        PaymentMethod method = checked(caller, request);
        OrderRecord order = orders.owned(caller, orderId);
        if (order.status() == OrderStatus.PAID) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT, "This order is already paid (booking " + order.code() + ").");
        }
        if (!order.unpaid()) {
            throw new MarqueeException(
                    ErrorCode.HOLD_NOT_ACTIVE,
                    "This order was " + order.status().name().toLowerCase(java.util.Locale.ROOT)
                            + "; start again with new seats.");
        }
        if (request.amountMinor() != order.totalMinor()) {
            throw new MarqueeException(
                    ErrorCode.INVALID_REQUEST,
                    "The amount must be the order's total of " + order.totalMinor() + " (minor units).",
                    Map.of("totalMinor", order.totalMinor()));
        }
        if (!order.holdLive()) {
            // checked before charging, so that a customer whose hold is gone is never charged at all
            throw holdExpired(false, 0, order.currency());
        }
        PaymentGateway gateway = gateways.of(method);
        ChargeResult result = charge(
                gateway,
                new PaymentGateway.ChargeRequest(
                        order.code(),
                        order.totalMinor(),
                        order.currency(),
                        request.cardToken(),
                        request.tenderedMinor()));
        return switch (result) {
            case ChargeResult.Approved approved -> confirm(order, method, gateway, approved, request.tenderedMinor());
            case ChargeResult.Pending pending -> {
                store.recordPendingPayment(
                        order.id(), payment(order, method, "PENDING", pending.providerRef(), null, null, null));
                yield new Outcome.Pending(store.find(order.id()).orElseThrow());
            }
            case ChargeResult.Declined declined -> {
                store.recordFailedPayment(
                        order.id(), payment(order, method, "DECLINED", null, null, null, null), "declined");
                throw new MarqueeException(
                        ErrorCode.PAYMENT_DECLINED, declined.reason() + " The seats are still held.");
            }
            case ChargeResult.TimedOut timedOut -> {
                store.recordFailedPayment(
                        order.id(), payment(order, method, "DECLINED", null, null, null, null), "timeout");
                throw new MarqueeException(
                        ErrorCode.PAYMENT_TIMEOUT,
                        "The card terminal did not answer in time, so no payment was recorded. The seats are still"
                                + " held; please try again.");
            }
        };
    }

    /** A provider's late answer about a pending charge: sells the seats if the hold is still active, else refunds. */
    public String settle(String providerRef, boolean succeeded) {
        var pending = store.pendingPayment(providerRef);
        if (pending.isEmpty()) {
            return "IGNORED";
        }
        UUID orderId = pending.get().getKey();
        OrderRecord.Payment payment = pending.get().getValue();
        if (!succeeded) {
            store.settlePayment(providerRef, "DECLINED", "declined by provider");
            store.recordFailedPayment(orderId, null, null);
            return "DECLINED";
        }
        OrderStore.Confirmation confirmation = store.confirmPaid(orderId, null);
        if (confirmation == OrderStore.Confirmation.PAID) {
            store.settlePayment(providerRef, "APPROVED", null);
            store.find(orderId).ifPresent(onPaid);
            return "PAID";
        }
        boolean refunded = gateways.of(payment.method()).refund(providerRef, payment.amountMinor(), payment.currency());
        store.settlePayment(providerRef, refunded ? "REFUNDED" : "APPROVED", refunded ? "hold lost" : "REFUND FAILED");
        store.recordFailedPayment(orderId, null, null);
        log.warn("event=late_payment_for_lost_hold order={} refunded={}", orderId, refunded);
        return refunded ? "REFUNDED" : "REFUND_FAILED";
    }

    private Outcome confirm(
            OrderRecord order,
            PaymentMethod method,
            PaymentGateway gateway,
            ChargeResult.Approved approved,
            Long tendered) {
        OrderRecord.Payment payment = payment(
                order,
                method,
                "APPROVED",
                approved.providerRef(),
                approved.cardLast4(),
                tendered,
                approved.changeMinor());
        OrderStore.Confirmation confirmation = store.confirmPaid(order.id(), payment);
        if (confirmation == OrderStore.Confirmation.PAID) {
            OrderRecord paid = store.find(order.id()).orElseThrow();
            onPaid.accept(paid);
            log.info("event=order_paid order={} method={} totalMinor={}", order.id(), method, order.totalMinor());
            return new Outcome.Paid(paid, approved.changeMinor());
        }
        boolean refunded = gateway.refund(approved.providerRef(), order.totalMinor(), order.currency());
        OrderRecord.Payment given = payment(
                order,
                method,
                refunded ? "REFUNDED" : "APPROVED",
                approved.providerRef(),
                approved.cardLast4(),
                tendered,
                approved.changeMinor());
        store.recordFailedPayment(order.id(), given, refunded ? "hold lost, refunded" : "hold lost, REFUND FAILED");
        log.warn("event=payment_for_lost_hold order={} refunded={}", order.id(), refunded);
        if (confirmation == OrderStore.Confirmation.NOT_PAYABLE) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "This order was already settled while the card was charged; "
                            + (refunded ? "this charge has been refunded." : "staff will refund this charge."),
                    Map.of("refunded", refunded, "refundedMinor", refunded ? order.totalMinor() : 0));
        }
        throw holdExpired(refunded, refunded ? order.totalMinor() : 0, order.currency());
    }

    private ChargeResult charge(PaymentGateway gateway, PaymentGateway.ChargeRequest request) {
        Future<ChargeResult> future = charging.submit(() -> gateway.charge(request));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ChargeResult.TimedOut();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The payment gateway failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChargeResult.TimedOut();
        }
    }

    private static PaymentMethod checked(Principal caller, PaymentRequest request) {
        if (request.method() == null) {
            throw MarqueeException.invalid("Say how to pay: 'method' is CARD or CASH.");
        }
        if (request.amountMinor() == null || request.amountMinor() < 0) {
            throw MarqueeException.invalid("'amountMinor' must be the order's total in minor units.");
        }
        if (request.method() == PaymentMethod.CASH) {
            if (caller.role() == Role.KIOSK) {
                throw new MarqueeException(ErrorCode.FORBIDDEN, "Kiosks take cards only.");
            }
            if (request.tenderedMinor() != null && request.tenderedMinor() < request.amountMinor()) {
                throw MarqueeException.invalid("The cash handed over is less than the total.");
            }
        } else if (request.cardToken() == null || request.cardToken().isBlank()) {
            throw MarqueeException.invalid("A card payment needs the 'cardToken' from the card terminal.");
        }
        return request.method();
    }

    private static OrderRecord.Payment payment(
            OrderRecord order,
            PaymentMethod method,
            String status,
            String ref,
            String last4,
            Long tendered,
            Long change) {
        return new OrderRecord.Payment(
                method, status, order.totalMinor(), order.currency(), ref, last4, tendered, change, null);
    }

    private static MarqueeException holdExpired(boolean refunded, long refundedMinor, String currency) {
        String message = refunded
                ? "The seats' hold expired before the payment completed, so nothing was sold and the charge has been"
                        + " refunded. Please choose seats again."
                : "The seats' hold has expired; nothing was charged. Please choose seats again.";
        return new MarqueeException(
                ErrorCode.HOLD_EXPIRED,
                message,
                Map.of("refunded", refunded, "refundedMinor", refundedMinor, "currency", currency));
    }

    @Override
    public void close() {
        charging.shutdownNow();
    }
}
