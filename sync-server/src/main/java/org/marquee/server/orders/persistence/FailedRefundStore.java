package org.marquee.server.orders.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.FailedRefund;
import org.marquee.model.PaymentMethod;
import org.marquee.server.db.Transactions;

/**
 * Payments whose refund the provider refused (status REFUND_FAILED, DESIGN §7.3): marked, listed for managers, claimed
 * by the sweeper for a retry, and ended by the retry or by a manager's cash payout. A retry marks the row
 * ({@code refund_retrying_since}) in a committed statement before it asks the provider, and the cash payout refuses a
 * marked row under the same row lock, so the two never both give the money back.
 */
public final class FailedRefundStore {

    /** A failed refund a retry has claimed: what the provider needs to give the money back. */
    public record Claimed(
            UUID paymentId,
            UUID orderId,
            PaymentMethod method,
            String providerRef,
            long amountMinor,
            String currency,
            int attempts) {}

    /** A payment as the cash payout finds it, locked. */
    public record Locked(
            UUID paymentId,
            UUID orderId,
            String status,
            boolean retrying,
            long amountMinor,
            String currency,
            int attempts,
            String lastError,
            String orderCode) {}

    private static final String CLAIMED = """
            returning id, order_id, method, provider_ref, amount_minor, currency, refund_attempts""";

    private final Jdbi jdbi;

    public FailedRefundStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Marks a payment in {@code from} as REFUND_FAILED after a refusal: one more attempt, the error, the next try in
     * {@code next}; true when it was in {@code from}.
     */
    public boolean markFailed(UUID paymentId, String from, String error, Duration next) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update payments
                                   set status = 'REFUND_FAILED', refund_attempts = refund_attempts + 1,
                                       refund_failed_at = coalesce(refund_failed_at, now()), refund_error = :error,
                                       next_refund_at = now() + make_interval(secs => :next), updated_at = now()
                                 where id = :id and status = :from""")
                        .bind("error", error)
                        .bind("next", seconds(next))
                        .bind("id", paymentId)
                        .bind("from", from)
                        .execute())
                == 1;
    }

    /**
     * Claims up to {@code limit} failed refunds whose next try is due, for this instance: each is marked as being
     * retried; one another instance marked less than {@code lease} ago is left alone.
     */
    public List<Claimed> claimDue(int limit, Duration lease) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                                update payments set refund_retrying_since = now()
                                 where id in (select id from payments
                                               where status = 'REFUND_FAILED' and next_refund_at <= now()
                                                 and (refund_retrying_since is null
                                                      or refund_retrying_since < now() - make_interval(secs => :lease))
                                               order by next_refund_at limit :limit for update skip locked)
                                """ + CLAIMED)
                        .bind("lease", seconds(lease))
                        .bind("limit", limit)
                        .map((rs, ctx) -> claimed(rs))
                        .list());
    }

    /** Claims the failed refunds of one order now, whatever their next try (a manager asked again). */
    public List<Claimed> claimOrder(UUID orderId, Duration lease) {
        return Transactions.retrying(
                jdbi,
                handle -> handle.createQuery("""
                                update payments set refund_retrying_since = now()
                                 where id in (select id from payments
                                               where order_id = :order and status = 'REFUND_FAILED'
                                                 and (refund_retrying_since is null
                                                      or refund_retrying_since < now() - make_interval(secs => :lease))
                                               for update skip locked)
                                """ + CLAIMED)
                        .bind("order", orderId)
                        .bind("lease", seconds(lease))
                        .map((rs, ctx) -> claimed(rs))
                        .list());
    }

    /**
     * What the provider said to a claimed retry: REFUNDED, or one more failed attempt with the next try in {@code next};
     * the mark is cleared either way. True when the payment was still REFUND_FAILED.
     */
    public boolean retried(UUID paymentId, boolean refunded, String error, Duration next) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update payments
                                   set status = case when :refunded then 'REFUNDED' else status end,
                                       refunded_at = case when :refunded then now() else refunded_at end,
                                       refund_attempts = refund_attempts + case when :refunded then 0 else 1 end,
                                       refund_error = case when :refunded then refund_error else :error end,
                                       next_refund_at = case when :refunded then next_refund_at
                                                             else now() + make_interval(secs => :next) end,
                                       refund_retrying_since = null, updated_at = now()
                                 where id = :id and status = 'REFUND_FAILED'""")
                        .bind("refunded", refunded)
                        .bind("error", error)
                        .bind("next", seconds(next))
                        .bind("id", paymentId)
                        .execute())
                == 1;
    }

    /** The payment with its order's code, locked until the end of the caller's transaction. */
    public Optional<Locked> lock(UUID paymentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select p.id, p.order_id, p.status, p.refund_retrying_since is not null as retrying,
                               p.amount_minor, p.currency, p.refund_attempts, p.refund_error, o.code
                          from payments p join orders o on o.id = p.order_id
                         where p.id = :id
                           for update of p""")
                .bind("id", paymentId)
                .map((rs, ctx) -> new Locked(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("status"),
                        rs.getBoolean("retrying"),
                        rs.getLong("amount_minor"),
                        rs.getString("currency"),
                        rs.getInt("refund_attempts"),
                        rs.getString("refund_error"),
                        rs.getString("code")))
                .findOne());
    }

    /** Ends a failed refund as paid out in cash by {@code staffId}; true when it was REFUND_FAILED and not retrying. */
    public boolean paidInCash(UUID paymentId, long staffId, String note) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update payments
                                   set status = 'REFUNDED', refunded_at = now(), refunded_in_cash_by = :staff,
                                       note = :note, updated_at = now()
                                 where id = :id and status = 'REFUND_FAILED' and refund_retrying_since is null""")
                        .bind("staff", staffId)
                        .bind("note", note)
                        .bind("id", paymentId)
                        .execute())
                == 1;
    }

    /** True when a payment of the order is still REFUND_FAILED. */
    public boolean stillFailed(UUID orderId) {
        return jdbi.withHandle(handle ->
                handle.createQuery("""
                        select exists (select 1 from payments where order_id = :o and status = 'REFUND_FAILED')""").bind("o", orderId).mapTo(Boolean.class).one());
    }

    /** The orders of a showtime with a refund still failed. */
    public List<UUID> ordersOfShowtime(long showtimeId) {
        return jdbi.withHandle(handle ->
                handle.createQuery("""
                        select distinct o.id from orders o join payments p on p.order_id = o.id
                         where o.showtime_id = :s and p.status = 'REFUND_FAILED'""").bind("s", showtimeId).mapTo(UUID.class).list());
    }

    /** The failed refunds of a theater's showtimes (all theaters for null), the oldest failure first. */
    public List<FailedRefund> list(Long theaterId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select p.id, p.order_id, o.code, o.showtime_id, m.title, s.starts_at, p.amount_minor,
                               p.currency, p.card_last4, o.email, p.refund_attempts, p.refund_failed_at,
                               p.next_refund_at, p.refund_error
                          from payments p
                          join orders o on o.id = p.order_id
                          join showtimes s on s.id = o.showtime_id
                          join auditoriums a on a.id = s.auditorium_id
                          join movies m on m.id = s.movie_id
                         where p.status = 'REFUND_FAILED'
                           and (cast(:theater as bigint) is null or a.theater_id = :theater)
                         order by p.refund_failed_at, p.id""")
                .bind("theater", theaterId)
                .map((rs, ctx) -> new FailedRefund(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("code"),
                        rs.getLong("showtime_id"),
                        rs.getString("title"),
                        instant(rs, "starts_at"),
                        rs.getLong("amount_minor"),
                        rs.getString("currency"),
                        rs.getString("card_last4"),
                        rs.getString("email"),
                        rs.getInt("refund_attempts"),
                        instant(rs, "refund_failed_at"),
                        instant(rs, "next_refund_at"),
                        rs.getString("refund_error")))
                .list());
    }

    private static Claimed claimed(ResultSet rs) throws SQLException {
        return new Claimed(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("provider_ref"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getInt("refund_attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
