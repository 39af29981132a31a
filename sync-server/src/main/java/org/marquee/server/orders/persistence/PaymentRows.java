package org.marquee.server.orders.persistence;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.marquee.model.PaymentMethod;
import org.marquee.server.orders.OrderRecord;

/** Rows of the payments table: what moved, never a card number. */
final class PaymentRows {

    void insert(Handle handle, UUID orderId, OrderRecord.Payment payment, String note) {
        handle.createUpdate("""
                        insert into payments (id, order_id, method, status, amount_minor, currency, provider_ref,
                                              card_last4, tendered_minor, change_minor, note,
                                              refunded_at)
                        values (:id, :o, :method, :status, :amount, :currency, :ref, :last4, :tendered, :change, :note,
                                case when :status = 'REFUNDED' then now() end)""")
                .bind("id", UUID.randomUUID())
                .bind("o", orderId)
                .bind("method", payment.method().name())
                .bind("status", payment.status())
                .bind("amount", payment.amountMinor())
                .bind("currency", payment.currency())
                .bind("ref", payment.providerRef())
                .bind("last4", payment.cardLast4())
                .bind("tendered", payment.tenderedMinor())
                .bind("change", payment.changeMinor())
                .bind("note", note)
                .execute();
    }

    List<OrderRecord.Payment> ofOrder(Handle handle, UUID orderId) {
        return handle.createQuery("""
                        select method, status, amount_minor, currency, provider_ref, card_last4, tendered_minor,
                               change_minor, created_at
                          from payments where order_id = :o order by created_at""")
                .bind("o", orderId)
                .map((rs, ctx) -> payment(rs))
                .list();
    }

    private static OrderRecord.Payment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrderRecord.Payment(
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("status"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("provider_ref"),
                rs.getString("card_last4"),
                (Long) rs.getObject("tendered_minor"),
                (Long) rs.getObject("change_minor"),
                OrderStore.instant(rs.getObject("created_at", java.time.OffsetDateTime.class)));
    }
}
