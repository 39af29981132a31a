package org.marquee.server.orders;

import java.time.Duration;
import java.util.List;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.orders.persistence.PaymentStore;
import org.marquee.server.payments.PaymentGateway.ChargeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes payments that their request left unfinished: a crash or an outage between the charge and its record, or a
 * provider that did not answer in time. At start and then periodically, on any number of instances (each payment is
 * leased to one of them at a time), it asks the provider what became of each STARTED charge and applies the answer
 * exactly as the request would have: seats sold if the hold is still active, else the money given back; never both,
 * never neither. Charges due back (REFUND_DUE) are refunded; a refund the provider refused (REFUND_FAILED) is tried
 * again with backoff until it accepts or a manager pays it out in cash ({@link FailedRefunds}).
 */
public final class PaymentReconciler {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);
    private static final int BATCH = 20;
    /** How long one instance has a payment to itself; another takes it over if this one dies meanwhile. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final UnitOfWork unit;
    private final PaymentStore payments;
    private final PaymentGateways gateways;
    private final PaymentSettlement settlement;
    private final FailedRefunds failedRefunds;

    public PaymentReconciler(
            UnitOfWork unit,
            PaymentStore payments,
            PaymentGateways gateways,
            PaymentSettlement settlement,
            FailedRefunds failedRefunds) {
        this.failedRefunds = failedRefunds;
        this.unit = unit;
        this.payments = payments;
        this.gateways = gateways;
        this.settlement = settlement;
    }

    /** Settles the payments whose time has come; returns how many it finished. */
    public int reconcile() {
        int finished = 0;
        List<PaymentIntent> due = payments.claimDue(BATCH, LEASE);
        for (PaymentIntent payment : due) {
            try {
                if (payment.started() ? settleStarted(payment) : settlement.refund(payment.id())) {
                    finished++;
                }
            } catch (RuntimeException e) {
                // the lease runs out and the next round tries again; one bad payment must not stop the others
                log.warn(
                        "event=reconcile_failed payment={} reason={}",
                        payment.id(),
                        e.getClass().getSimpleName());
            }
        }
        try {
            finished += failedRefunds.retryDue();
        } catch (RuntimeException e) {
            log.warn("event=refund_retries_failed reason={}", e.getClass().getSimpleName());
        }
        return finished;
    }

    private boolean settleStarted(PaymentIntent payment) {
        var gateway = gateways.find(payment.method());
        if (gateway.isEmpty()) {
            log.warn("event=reconcile_no_provider payment={} method={}", payment.id(), payment.method());
            return false;
        }
        ChargeResult answer = gateway.get().lookup(payment.id().toString());
        PaymentSettlement.Result result = unit.run(() -> settlement.apply(payment.id(), answer, "not completed"));
        log.info(
                "event=payment_reconciled payment={} order={} lookup={} result={}",
                payment.id(),
                payment.orderId(),
                answer.getClass().getSimpleName(),
                result);
        return result != PaymentSettlement.Result.UNKNOWN;
    }
}
