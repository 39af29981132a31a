package org.marquee.server.orders.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.PaymentMethod;
import org.marquee.server.db.Transactions;
import org.marquee.server.orders.PaymentIntent;

/** Payment rows through their life: started before the charge, finished after it, settled by the reconciler. */
public final class PaymentStore {

    public static final String ONE_STARTED_PER_ORDER = "payments_one_started";

    private final Jdbi jdbi;

    public PaymentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a payment as STARTED; the reconciler leaves it alone until {@code settleAfter} from now. */
    public PaymentIntent start(
            UUID orderId,
            PaymentMethod method,
            long amountMinor,
            String currency,
            Long tenderedMinor,
            long terminalId,
            String requestKey,
            Duration settleAfter) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        insert into payments (id, order_id, method, status, amount_minor, currency, tendered_minor,
                                              request_terminal_id, request_key, reconcile_after)
                        values (:id, :o, :method, 'STARTED', :amount, :currency, :tendered, :t, :k,
                                now() + make_interval(secs => :after))
                        returning id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                                  tendered_minor, change_minor""")
                        .bind("id", UUID.randomUUID())
                        .bind("o", orderId)
                        .bind("method", method.name())
                        .bind("amount", amountMinor)
                        .bind("currency", currency)
                        .bind("tendered", tenderedMinor)
                        .bind("t", terminalId)
                        .bind("k", requestKey)
                        .bind("after", (double) settleAfter.toMillis() / 1000)
                        .map((rs, ctx) -> intent(rs))
                        .one());
    }

    /** The latest payment that the request with this Idempotency-Key started. */
    public Optional<PaymentIntent> ofRequest(long terminalId, String requestKey) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                               tendered_minor, change_minor
                          from payments where request_terminal_id = :t and request_key = :k
                         order by created_at desc limit 1""")
                .bind("t", terminalId)
                .bind("k", requestKey)
                .map((rs, ctx) -> intent(rs))
                .findOne());
    }

    /** The payment, locked until the end of the surrounding transaction, so that one request or reconciler ends it. */
    public PaymentIntent lock(UUID paymentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                               tendered_minor, change_minor
                          from payments where id = :id for update""")
                .bind("id", paymentId)
                .map((rs, ctx) -> intent(rs))
                .one());
    }

    /** The PENDING payment a provider's webhook names, locked until the end of the surrounding transaction. */
    public Optional<PaymentIntent> lockPending(String providerRef) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                               tendered_minor, change_minor
                          from payments where provider_ref = :ref and status = 'PENDING' for update""")
                .bind("ref", providerRef)
                .map((rs, ctx) -> intent(rs))
                .findOne());
    }

    public Optional<PaymentIntent> find(UUID paymentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                               tendered_minor, change_minor
                          from payments where id = :id""")
                .bind("id", paymentId)
                .map((rs, ctx) -> intent(rs))
                .findOne());
    }

    /**
     * Ends a payment: its new status, what the provider said, and a note. Only a payment still in {@code from}
     * changes; returns whether it did.
     */
    public boolean finish(
            UUID paymentId,
            String from,
            String status,
            String providerRef,
            String cardLast4,
            Long change,
            String note) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update payments
                                   set status = :status, provider_ref = coalesce(:ref, provider_ref),
                                       card_last4 = coalesce(:last4, card_last4), change_minor = :change,
                                       note = coalesce(:note, note), updated_at = now(),
                                       reconcile_after = case when :status = 'REFUND_DUE' then now() + interval '10 seconds'
                                                              else reconcile_after end,
                                       refunded_at = case when :status = 'REFUNDED' then now() else refunded_at end
                                 where id = :id and status = :from""")
                        .bind("status", status)
                        .bind("ref", providerRef)
                        .bind("last4", cardLast4)
                        .bind("change", change)
                        .bind("note", note)
                        .bind("id", paymentId)
                        .bind("from", from)
                        .execute())
                == 1;
    }

    /**
     * Takes up to {@code limit} unfinished payments whose time has come, for this reconciler alone for {@code lease}:
     * a row another instance is working on is skipped, not waited for.
     */
    public List<PaymentIntent> claimDue(int limit, Duration lease) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                        update payments set reconcile_after = now() + make_interval(secs => :lease)
                         where id in (select id from payments
                                       where status in ('STARTED', 'REFUND_DUE') and reconcile_after <= now()
                                       order by reconcile_after limit :limit for update skip locked)
                        returning id, order_id, method, status, amount_minor, currency, provider_ref, card_last4,
                                  tendered_minor, change_minor""")
                        .bind("lease", (double) lease.toSeconds())
                        .bind("limit", limit)
                        .map((rs, ctx) -> intent(rs))
                        .list());
    }

    private static PaymentIntent intent(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PaymentIntent(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("status"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("provider_ref"),
                rs.getString("card_last4"),
                (Long) rs.getObject("tendered_minor"),
                (Long) rs.getObject("change_minor"));
    }
}
