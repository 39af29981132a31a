package org.marquee.server.orders;

import java.util.UUID;
import java.util.function.Consumer;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.orders.persistence.PaymentStore;
import org.marquee.server.payments.PaymentGateway.ChargeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a provider's answer does to a started payment, the same whoever brings it: the paying request, its retry, or
 * the reconciler. Each method runs inside a unit of work, with the payment row locked, and changes a payment only while
 * it is STARTED, so that two of them never both settle one charge. Money taken for seats that could not be sold is
 * marked REFUND_DUE in the same transaction and refunded right after it commits (invariant 5); a refund the provider
 * refuses then is REFUND_FAILED, retried with backoff by the sweeper ({@link FailedRefunds}).
 */
public final class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    /** What became of a started payment. */
    public enum Result {
        /** Seats SOLD, order PAID, payment APPROVED. */
        SOLD,
        /** Waiting for the provider's webhook. */
        PENDING,
        /** No money taken (declined, or the provider says nothing was charged). */
        NOT_TAKEN,
        /** The hold was gone: the charge is being given back. */
        REFUND_DUE_HOLD_LOST,
        /** The order was paid or ended another way meanwhile: the charge is being given back. */
        REFUND_DUE_NOT_PAYABLE,
        /** The provider cannot tell yet; the payment stays STARTED. */
        UNKNOWN
    }

    private final UnitOfWork unit;
    private final OrderStore orders;
    private final PaymentStore payments;
    private final PaymentGateways gateways;
    private final Consumer<OrderRecord> onPaid;
    private final OrderEvents events;
    private final FailedRefunds failedRefunds;

    public PaymentSettlement(
            UnitOfWork unit,
            OrderStore orders,
            PaymentStore payments,
            PaymentGateways gateways,
            Consumer<OrderRecord> onPaid,
            OrderEvents events,
            FailedRefunds failedRefunds) {
        this.failedRefunds = failedRefunds;
        this.unit = unit;
        this.orders = orders;
        this.payments = payments;
        this.gateways = gateways;
        this.onPaid = onPaid;
        this.events = events;
    }

    /** Applies the provider's answer to the payment, if it is still STARTED; in the caller's unit of work. */
    public Result apply(UUID paymentId, ChargeResult answer, String declineNote) {
        PaymentIntent payment = payments.lock(paymentId);
        if (!payment.started()) {
            return of(payment);
        }
        return switch (answer) {
            case ChargeResult.Approved approved -> approved(payment, approved);
            case ChargeResult.Pending pending -> {
                payments.finish(payment.id(), "STARTED", "PENDING", pending.providerRef(), null, null, null);
                yield Result.PENDING;
            }
            case ChargeResult.Declined declined -> notTaken(payment, declineNote);
            case ChargeResult.NotFound notFound -> notTaken(payment, "timeout");
            case ChargeResult.TimedOut timedOut -> Result.UNKNOWN;
        };
    }

    /**
     * A provider's late answer about a PENDING charge (its webhook): sells the seats if the hold is still active, else
     * gives the money back. Answers PAID, DECLINED, REFUNDED, REFUND_FAILED, or IGNORED for a charge it does not know
     * or already settled (a webhook may come twice).
     */
    public String settleLate(String providerRef, boolean succeeded) {
        UUID refundDue = unit.run(() -> {
            var pending = payments.lockPending(providerRef);
            if (pending.isEmpty()) {
                return null;
            }
            PaymentIntent payment = pending.get();
            if (!succeeded) {
                payments.finish(payment.id(), "PENDING", "DECLINED", null, null, null, "declined by provider");
                orders.recordFailedPayment(payment.orderId(), null, null);
                return payment.id();
            }
            var approved = new ChargeResult.Approved(providerRef, payment.cardLast4(), null);
            payments.finish(payment.id(), "PENDING", "STARTED", null, null, null, null);
            approved(payments.lock(payment.id()), approved);
            return payment.id();
        });
        if (refundDue == null) {
            return "IGNORED";
        }
        PaymentIntent settled = payments.find(refundDue).orElseThrow();
        return switch (settled.status()) {
            case "APPROVED" -> "PAID";
            case "DECLINED" -> "DECLINED";
            case "REFUNDED" -> "REFUNDED";
            default -> refund(settled.id()) ? "REFUNDED" : "REFUND_FAILED";
        };
    }

    /** What a payment that is no longer STARTED came to. */
    public static Result of(PaymentIntent payment) {
        return switch (payment.status()) {
            case "APPROVED", "REFUNDED" ->
                payment.status().equals("APPROVED") ? Result.SOLD : Result.REFUND_DUE_HOLD_LOST;
            case "PENDING" -> Result.PENDING;
            case "REFUND_DUE", "REFUND_FAILED" -> Result.REFUND_DUE_HOLD_LOST;
            case "STARTED" -> Result.UNKNOWN;
            default -> Result.NOT_TAKEN;
        };
    }

    private Result approved(PaymentIntent payment, ChargeResult.Approved approved) {
        OrderStore.Confirmation confirmation = orders.confirmPaid(payment.orderId(), null);
        if (confirmation == OrderStore.Confirmation.PAID) {
            payments.finish(
                    payment.id(),
                    "STARTED",
                    "APPROVED",
                    approved.providerRef(),
                    approved.cardLast4(),
                    approved.changeMinor(),
                    null);
            OrderRecord paid = orders.find(payment.orderId()).orElseThrow();
            UnitOfWork.afterCommit(() -> {
                onPaid.accept(paid);
                events.paid(paid.paidWith());
            });
            log.info(
                    "event=order_paid order={} payment={} method={} totalMinor={}",
                    paid.id(),
                    payment.id(),
                    payment.method(),
                    paid.totalMinor());
            return Result.SOLD;
        }
        payments.finish(
                payment.id(),
                "STARTED",
                "REFUND_DUE",
                approved.providerRef(),
                approved.cardLast4(),
                approved.changeMinor(),
                confirmation == OrderStore.Confirmation.HOLD_LOST ? "hold lost" : "order no longer payable");
        orders.recordFailedPayment(payment.orderId(), null, null);
        log.warn("event=payment_for_lost_hold order={} payment={}", payment.orderId(), payment.id());
        UnitOfWork.afterCommit(() -> refund(payment.id()));
        return confirmation == OrderStore.Confirmation.HOLD_LOST
                ? Result.REFUND_DUE_HOLD_LOST
                : Result.REFUND_DUE_NOT_PAYABLE;
    }

    private Result notTaken(PaymentIntent payment, String note) {
        payments.finish(payment.id(), "STARTED", "DECLINED", null, null, null, note);
        orders.recordFailedPayment(payment.orderId(), null, null);
        return Result.NOT_TAKEN;
    }

    /**
     * Gives back a REFUND_DUE charge; outside any transaction, because it calls the provider. A refund is idempotent
     * by provider reference, so doing it twice (a crash between refund and record) gives the money back once. A refusal
     * (or no answer) leaves the payment REFUND_FAILED, for the sweeper to try again; answers false then.
     */
    public boolean refund(UUID paymentId) {
        PaymentIntent payment = payments.find(paymentId).orElseThrow();
        if (!payment.status().equals("REFUND_DUE")) {
            return payment.status().equals("REFUNDED");
        }
        boolean refunded;
        try {
            refunded = gateways.of(payment.method())
                    .refund(payment.providerRef(), payment.amountMinor(), payment.currency());
        } catch (RuntimeException e) {
            log.warn(
                    "event=refund_failed payment={} reason={}",
                    paymentId,
                    e.getClass().getSimpleName());
            failedRefunds.refused(
                    paymentId,
                    "REFUND_DUE",
                    "The card provider did not answer (" + e.getClass().getSimpleName() + ").");
            return false;
        }
        if (!refunded) {
            log.warn("event=refund_refused payment={}", paymentId);
            failedRefunds.refused(paymentId, "REFUND_DUE", FailedRefunds.REFUSED);
            return false;
        }
        payments.finish(paymentId, "REFUND_DUE", "REFUNDED", null, null, null, null);
        log.info("event=payment_refunded payment={} order={}", paymentId, payment.orderId());
        return true;
    }
}
