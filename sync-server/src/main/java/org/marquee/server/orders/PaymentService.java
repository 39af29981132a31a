package org.marquee.server.orders;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.Role;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.Transactions;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.orders.persistence.PaymentStore;
import org.marquee.server.payments.PaymentGateway;
import org.marquee.server.payments.PaymentGateway.ChargeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying an order, in three steps (DESIGN §10, docs/decisions/0007): {@link #prepare} writes the payment as STARTED
 * and commits it; {@link #charge} asks the provider outside any transaction, with the payment's id as its idempotency
 * key; {@link #finish} sells the seats only if the hold is still active (invariant 5), or books the refund. A crash or
 * an outage between the steps leaves a STARTED payment that the request's retry with the same Idempotency-Key, or else
 * the reconciler, finishes: never money without seats, never seats without money.
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** The outcome of a payment that went through or is awaited. */
    public sealed interface Outcome {
        record Paid(OrderRecord order, Long changeMinor) implements Outcome {}

        record Pending(OrderRecord order) implements Outcome {}
    }

    /** A payment whose row is written and committed: the provider is asked next. */
    public sealed interface Attempt {
        record Charge(UUID paymentId, PaymentGateway gateway, PaymentGateway.ChargeRequest request)
                implements Attempt {}

        /** The request's payment was finished before (by the reconciler, or by the request before a crash). */
        record Finished(Outcome outcome) implements Attempt {}
    }

    private final OrderService orders;
    private final OrderStore store;
    private final PaymentStore payments;
    private final PaymentGateways gateways;
    private final PaymentSettlement settlement;
    private final Duration timeout;
    private final ExecutorService charging = Executors.newVirtualThreadPerTaskExecutor();

    public PaymentService(
            OrderService orders,
            OrderStore store,
            PaymentStore payments,
            PaymentGateways gateways,
            PaymentSettlement settlement,
            Duration timeout) {
        this.orders = orders;
        this.store = store;
        this.payments = payments;
        this.gateways = gateways;
        this.settlement = settlement;
        this.timeout = timeout;
    }

    /**
     * Step 1, in the request's unit of work: checks the order and writes the payment as STARTED, or finds the payment
     * that this request's first try ({@code requestKey}, its Idempotency-Key) started. Throws for anything that stops
     * a payment before money is asked for.
     */
    public Attempt prepare(Principal caller, UUID orderId, PaymentRequest request, String requestKey) {
        OrderService.requireSeller(caller);
        PaymentMethod method = checked(caller, request);
        PaymentGateway gateway = gateways.find(method)
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED,
                        "No card terminal is configured on this server, so cards cannot be taken. Pay in cash at the"
                                + " counter, or ask the operator to configure one."));
        OrderRecord order = orders.owned(caller, orderId);
        if (requestKey != null) {
            var earlier = payments.ofRequest(caller.terminalId(), requestKey);
            if (earlier.isPresent() && earlier.get().orderId().equals(orderId)) {
                PaymentIntent payment = earlier.get();
                if (payment.started()) {
                    log.info("event=payment_resumed payment={} order={}", payment.id(), orderId);
                    return new Attempt.Charge(payment.id(), gateway, chargeRequest(order, request, payment.id()));
                }
                var result = PaymentSettlement.of(payment);
                if (result != PaymentSettlement.Result.NOT_TAKEN) {
                    return new Attempt.Finished(outcome(result, payment));
                }
                // nothing was taken by the first try: this one is a new attempt
            }
        }
        if (order.status() == OrderStatus.PAID) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT, "This order is already paid (booking " + order.code() + ").");
        }
        if (!order.unpaid()) {
            throw order.holdStatus() != null && !order.holdLive() && order.status() == OrderStatus.CANCELLED
                    ? holdExpired(false, 0, order.currency())
                    : new MarqueeException(
                            ErrorCode.HOLD_NOT_ACTIVE,
                            "This order was " + order.status().name().toLowerCase(Locale.ROOT)
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
        PaymentIntent payment;
        try {
            payment = payments.start(
                    orderId,
                    method,
                    order.totalMinor(),
                    order.currency(),
                    request.tenderedMinor(),
                    caller.terminalId(),
                    requestKey,
                    // the reconciler keeps away until this request has surely stopped waiting for the provider
                    timeout.multipliedBy(2).plusSeconds(5));
        } catch (RuntimeException e) {
            if (Transactions.isUniqueViolation(e, PaymentStore.ONE_STARTED_PER_ORDER)) {
                throw new MarqueeException(
                        ErrorCode.CONFLICT,
                        "Another payment for this order is under way at the card terminal. Wait for it to finish.");
            }
            throw e;
        }
        log.info("event=payment_started payment={} order={} method={}", payment.id(), orderId, method);
        return new Attempt.Charge(payment.id(), gateway, chargeRequest(order, request, payment.id()));
    }

    /** Step 2, outside any transaction: asks the provider, and after a timeout asks what became of the charge. */
    public ChargeResult charge(Attempt.Charge attempt) {
        ChargeResult result = within(() -> attempt.gateway().charge(attempt.request()));
        if (result instanceof ChargeResult.TimedOut) {
            ChargeResult known =
                    within(() -> attempt.gateway().lookup(attempt.request().idempotencyKey()));
            log.warn("event=charge_timed_out payment={} lookup={}", attempt.paymentId(), name(known));
            return known;
        }
        return result;
    }

    /** Step 3, in the request's unit of work: what the provider said, applied to the order. */
    public Outcome finish(Attempt.Charge attempt, ChargeResult result) {
        String note = result instanceof ChargeResult.Declined ? "declined" : null;
        PaymentSettlement.Result settled = settlement.apply(attempt.paymentId(), result, note);
        PaymentIntent payment = payments.find(attempt.paymentId()).orElseThrow();
        if (settled == PaymentSettlement.Result.NOT_TAKEN) {
            throw result instanceof ChargeResult.Declined declined
                    ? new MarqueeException(ErrorCode.PAYMENT_DECLINED, declined.reason() + " The seats are still held.")
                    : timedOut();
        }
        if (settled == PaymentSettlement.Result.UNKNOWN) {
            throw timedOut();
        }
        return outcome(settled, payment);
    }

    private Outcome outcome(PaymentSettlement.Result result, PaymentIntent payment) {
        OrderRecord order = store.find(payment.orderId()).orElseThrow();
        return switch (result) {
            case SOLD -> new Outcome.Paid(order, payment.changeMinor());
            case PENDING -> new Outcome.Pending(order);
            case REFUND_DUE_HOLD_LOST -> throw holdExpired(true, payment.amountMinor(), payment.currency());
            case REFUND_DUE_NOT_PAYABLE -> {
                if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
                    throw new MarqueeException(
                            ErrorCode.CONFLICT,
                            "This order was already paid while the card was charged; this charge has been refunded.",
                            Map.of("refunded", true, "refundedMinor", payment.amountMinor()));
                }
                throw holdExpired(true, payment.amountMinor(), payment.currency());
            }
            case NOT_TAKEN, UNKNOWN -> throw timedOut();
        };
    }

    private ChargeResult within(java.util.concurrent.Callable<ChargeResult> call) {
        Future<ChargeResult> future = charging.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ChargeResult.TimedOut();
        } catch (ExecutionException e) {
            log.warn(
                    "event=payment_provider_failed reason={}",
                    e.getCause().getClass().getSimpleName());
            return new ChargeResult.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChargeResult.TimedOut();
        }
    }

    private static PaymentGateway.ChargeRequest chargeRequest(
            OrderRecord order, PaymentRequest request, UUID paymentId) {
        return new PaymentGateway.ChargeRequest(
                order.code(),
                order.totalMinor(),
                order.currency(),
                request.cardToken(),
                request.tenderedMinor(),
                paymentId.toString());
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
            if (request.tenderedMinor() == null) {
                throw MarqueeException.invalid(
                        "A cash payment needs 'tenderedMinor': the cash handed over, in minor units.");
            }
            if (request.tenderedMinor() < request.amountMinor()) {
                throw MarqueeException.invalid("The cash handed over is less than the total.");
            }
        } else if (request.cardToken() == null || request.cardToken().isBlank()) {
            throw MarqueeException.invalid("A card payment needs the 'cardToken' from the card terminal.");
        }
        return request.method();
    }

    private static MarqueeException timedOut() {
        return new MarqueeException(
                ErrorCode.PAYMENT_TIMEOUT,
                "The card terminal did not answer in time, so no payment was recorded. The seats are still held;"
                        + " please try again.");
    }

    static MarqueeException holdExpired(boolean refunded, long refundedMinor, String currency) {
        String message = refunded
                ? "The seats' hold expired before the payment completed, so nothing was sold and the charge has been"
                        + " refunded. Please choose seats again."
                : "The seats' hold has expired; nothing was charged. Please choose seats again.";
        return new MarqueeException(
                ErrorCode.HOLD_EXPIRED,
                message,
                Map.of("refunded", refunded, "refundedMinor", refundedMinor, "currency", currency));
    }

    private static String name(ChargeResult result) {
        return result.getClass().getSimpleName();
    }

    @Override
    public void close() {
        charging.shutdownNow();
    }
}
