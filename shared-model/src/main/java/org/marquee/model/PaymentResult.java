package org.marquee.model;

import java.util.List;
import java.util.UUID;

/** Answer of a successful payment: the order is PAID and here are its tickets, with change for cash. */
public record PaymentResult(
        String status,
        UUID orderId,
        String code,
        long totalMinor,
        String currency,
        List<TicketView> tickets,
        Long changeMinor) {
    public PaymentResult {
        tickets = List.copyOf(tickets);
    }
}
