package org.marquee.server.orders;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marquee.model.ErrorCode;
import org.marquee.model.FailedRefund;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.orders.persistence.FailedRefundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card refunds the provider refused (DESIGN §7.3, docs/decisions/0022). Every way a card is refunded (a manager's
 * refund, a cancelled showtime, a late charge for a lost hold, a webhook) ends a refusal as REFUND_FAILED through
 * {@link #refused}; the sweeper calls {@link #retryDue} to try each again with exponential backoff, and a manager may
 * end one with {@link #payInCash}. A retry that succeeds is audited as a system action (no actor).
 */
public final class FailedRefunds {

    private static final Logger log = LoggerFactory.getLogger(FailedRefunds.class);
    private static final int BATCH = 20;
    /** How long a retry has a payment to itself; after that another instance may take it over. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** The error kept for a refund the provider answered with no. */
    public static final String REFUSED = "The card provider refused the refund.";

    private final UnitOfWork unit;
    private final FailedRefundStore store;
    private final PaymentGateways gateways;
    private final AuditLog audit;
    private final RefundRetryPolicy policy;

    public FailedRefunds(
            UnitOfWork unit,
            FailedRefundStore store,
            PaymentGateways gateways,
            AuditLog audit,
            RefundRetryPolicy policy) {
        this.unit = unit;
        this.store = store;
        this.gateways = gateways;
        this.audit = audit;
        this.policy = policy;
    }

    /** The wait before the first retry. */
    public Duration firstRetry() {
        return policy.after(1);
    }

    /** Marks a payment in {@code from} REFUND_FAILED after the provider's refusal; true when it was in {@code from}. */
    public boolean refused(UUID paymentId, String from, String error) {
        boolean marked = store.markFailed(paymentId, from, error, firstRetry());
        if (marked) {
            log.warn("event=refund_failed payment={} nextTryIn={}", paymentId, firstRetry());
        }
        return marked;
    }

    /** The failed refunds of a theater (all theaters for null), oldest first. */
    public List<FailedRefund> list(Long theaterId) {
        return store.list(theaterId);
    }

    /** Tries again every failed refund whose time has come; returns how many the provider accepted. */
    public int retryDue() {
        int refunded = 0;
        for (FailedRefundStore.Claimed claimed : store.claimDue(BATCH, LEASE)) {
            refunded += retry(claimed) ? 1 : 0;
        }
        return refunded;
    }

    /** Tries the order's failed refunds again now; true when none is left failed. */
    public boolean retryOrder(UUID orderId) {
        boolean all = true;
        for (FailedRefundStore.Claimed claimed : store.claimOrder(orderId, LEASE)) {
            all &= retry(claimed);
        }
        return all && !store.stillFailed(orderId);
    }

    /** The orders of a showtime whose refund is still failed. */
    public List<UUID> ordersOfShowtime(long showtimeId) {
        return store.ordersOfShowtime(showtimeId);
    }

    /**
     * A manager paid the failed refund out in cash at the counter: the payment becomes REFUNDED, with the audit entry,
     * in the caller's unit of work (where the caller counts the cash out of the manager's drawer). 404 for an unknown
     * payment, 409 when it is not a failed refund now (refunded by a retry, or a retry is asking the provider).
     * Returns the payment's order.
     */
    public UUID payInCash(Principal caller, UUID paymentId) {
        FailedRefundStore.Locked payment = store.lock(paymentId)
                .orElseThrow(() -> MarqueeException.notFound("There is no payment " + paymentId + "."));
        if (!payment.status().equals("REFUND_FAILED")) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "This payment has no failed refund to pay out: it is " + payment.status()
                            + (payment.status().equals("REFUNDED") ? " already. Give no cash." : "."),
                    Map.of("status", payment.status()));
        }
        if (payment.retrying()
                || !store.paidInCash(paymentId, caller.staffId(), "refund paid out in cash by " + caller.username())) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "The card refund is being tried again at this moment. Give no cash; look again in a minute.",
                    Map.of("status", payment.status(), "retrying", true));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", payment.orderId().toString());
        details.put("code", payment.orderCode());
        details.put("amountMinor", payment.amountMinor());
        details.put("currency", payment.currency());
        details.put("attempts", payment.attempts());
        if (payment.lastError() != null) {
            details.put("lastError", payment.lastError());
        }
        audit.record(caller, "REFUND_PAID_IN_CASH", "PAYMENT", paymentId, details);
        log.info(
                "event=refund_paid_in_cash payment={} order={} amountMinor={} staff={}",
                paymentId,
                payment.orderId(),
                payment.amountMinor(),
                caller.staffId());
        return payment.orderId();
    }

    /** Asks the provider outside any transaction, then records what it said; true when it refunded. */
    private boolean retry(FailedRefundStore.Claimed claimed) {
        boolean refunded;
        String error;
        try {
            refunded = gateways.of(claimed.method())
                    .refund(claimed.providerRef(), claimed.amountMinor(), claimed.currency());
            error = refunded ? null : REFUSED;
        } catch (RuntimeException e) {
            refunded = false;
            error = "The card provider did not answer (" + e.getClass().getSimpleName() + ").";
        }
        int attempts = claimed.attempts() + (refunded ? 0 : 1);
        Duration next = policy.after(attempts);
        boolean ok = refunded;
        String lastError = error;
        boolean recorded = unit.run(() -> {
            boolean changed = store.retried(claimed.paymentId(), ok, lastError, next);
            if (changed && ok) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("orderId", claimed.orderId().toString());
                details.put("amountMinor", claimed.amountMinor());
                details.put("currency", claimed.currency());
                details.put("attempts", claimed.attempts() + 1);
                audit.record(null, "REFUND_RETRIED", "PAYMENT", claimed.paymentId(), details);
            }
            return changed;
        });
        if (ok && recorded) {
            log.info("event=refund_retry_succeeded payment={} attempt={}", claimed.paymentId(), claimed.attempts() + 1);
        } else if (!ok) {
            log.warn(
                    "event=refund_retry_failed payment={} attempts={} nextTryIn={}",
                    claimed.paymentId(),
                    attempts,
                    next);
        }
        return ok && recorded;
    }
}
