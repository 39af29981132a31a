package org.marquee.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order. {@code expiresAt} is when its hold lapses if it is not paid; {@code code} is the booking code a customer
 * gives at the counter or the kiosk.
 */
public record OrderView(
        UUID orderId,
        String code,
        OrderStatus status,
        long showtimeId,
        UUID holdId,
        long totalMinor,
        String currency,
        Instant expiresAt,
        String email,
        List<TicketView> tickets,
        List<PaymentView> payments) {
    public OrderView {
        tickets = List.copyOf(tickets);
        payments = List.copyOf(payments);
    }
}
