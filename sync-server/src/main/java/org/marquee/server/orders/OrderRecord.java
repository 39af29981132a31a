package org.marquee.server.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.marquee.model.HoldStatus;
import org.marquee.model.OrderStatus;
import org.marquee.model.PaymentMethod;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** An order as stored, with its tickets, payments and the state of its hold, read at {@code serverTime}. */
public record OrderRecord(
        UUID id,
        String code,
        OrderStatus status,
        long showtimeId,
        UUID holdId,
        long terminalId,
        String email,
        long totalMinor,
        String currency,
        Instant holdExpiresAt,
        HoldStatus holdStatus,
        List<String> holdSeatIds,
        List<Line> tickets,
        List<Payment> payments,
        Instant serverTime) {

    public OrderRecord {
        holdSeatIds = List.copyOf(holdSeatIds);
        tickets = List.copyOf(tickets);
        payments = List.copyOf(payments);
    }

    /** One ticket of the order; {@code ticketId} is 0 until it is stored. */
    public record Line(String seatId, TicketType type, SeatType seatType, long priceMinor, long ticketId) {

        /** A ticket not yet stored. */
        public Line(String seatId, TicketType type, SeatType seatType, long priceMinor) {
            this(seatId, type, seatType, priceMinor, 0);
        }
    }

    /** Money moved for the order. */
    public record Payment(
            PaymentMethod method,
            String status,
            long amountMinor,
            String currency,
            String providerRef,
            String cardLast4,
            Long tenderedMinor,
            Long changeMinor,
            Instant createdAt) {}

    /** How the order was paid: the method of its last approved payment, or null when none is on record. */
    public PaymentMethod paidWith() {
        return payments.stream()
                .filter(payment -> payment.status().equals("APPROVED"))
                .map(Payment::method)
                .reduce((first, last) -> last)
                .orElse(null);
    }

    /** True while the hold behind the order is active and unexpired. */
    public boolean holdLive() {
        return holdStatus == HoldStatus.ACTIVE && holdExpiresAt.isAfter(serverTime);
    }

    public boolean unpaid() {
        return status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAYMENT_FAILED;
    }
}
