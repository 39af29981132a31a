package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.declined;
import static org.marquee.kiosk.testing.Refusals.refused;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.OrderStatus;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.PaymentView;

/**
 * The fake box office's payments by token: {@code tok_declined} declines, {@code tok_timeout} times out with the seats
 * still held, cash short of the total is refused, and a hold that expired before paying is refused with
 * {@code HOLD_EXPIRED}. Not thread-safe by itself: every call is made holding the {@link FakeBoxOffice}'s lock.
 */
final class Cashier {

    private final Clock clock;
    private final HoldBook holds;
    private final OrderBook orders;

    Cashier(Clock clock, HoldBook holds, OrderBook orders) {
        this.clock = clock;
        this.holds = holds;
        this.orders = orders;
    }

    /**
     * Takes a payment for an order, once the card terminal has answered.
     *
     * @param slow whether the customer was slow at the PIN pad, so a charge taken after the hold ran out is refunded
     */
    PaymentResult pay(UUID orderId, PaymentRequest payment, boolean slow) {
        holds.expire();
        OrderBook.Order order = orders.get(orderId);
        if (order == null) {
            throw refused(404, ErrorCode.NOT_FOUND, "No order has this id.", Map.of());
        }
        if (order.status == OrderStatus.PAID) {
            throw refused(
                    409, ErrorCode.CONFLICT, "This order is already paid (booking " + order.code + ").", Map.of());
        }
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            throw refused(
                    409,
                    ErrorCode.HOLD_NOT_ACTIVE,
                    "This order was " + order.status.name().toLowerCase(Locale.ROOT) + "; start again with new seats.",
                    Map.of());
        }
        if (slow && order.hold.status != HoldStatus.ACTIVE) {
            throw refused(
                    409,
                    ErrorCode.HOLD_EXPIRED,
                    "The seats' hold expired before the payment completed, so nothing was sold and the charge"
                            + " has been refunded. Please choose seats again.",
                    Map.of("refunded", true, "refundedMinor", OrderBook.total(order), "currency", "EUR"));
        }
        if (order.hold.status != HoldStatus.ACTIVE) {
            throw refused(
                    409,
                    ErrorCode.HOLD_EXPIRED,
                    "The seats' hold has expired; nothing was charged. Please choose seats again.",
                    Map.of("refunded", false, "refundedMinor", 0L, "currency", "EUR"));
        }
        long total = OrderBook.total(order);
        Long change = null;
        if (payment.method() == PaymentMethod.CASH) {
            long tendered = payment.tenderedMinor() == null ? 0 : payment.tenderedMinor();
            if (tendered < total) {
                throw declined("The cash handed over is less than the total.");
            }
            change = tendered - total;
        } else if ("tok_declined".equals(payment.cardToken())) {
            failedAttempt(order, total, "DECLINED");
            throw declined("The card was declined. Please try another card.");
        } else if ("tok_timeout".equals(payment.cardToken())) {
            failedAttempt(order, total, "STARTED"); // the server never heard back, so no card was read
            throw refused(
                    504,
                    ErrorCode.PAYMENT_TIMEOUT,
                    "The card terminal did not answer in time, so no payment was recorded. The seats are"
                            + " still held; please try again.",
                    Map.of());
        }
        order.status = OrderStatus.PAID;
        order.payments.add(new PaymentView(
                payment.method(),
                "APPROVED",
                total,
                "EUR",
                "fake-" + order.payments.size(),
                payment.method() == PaymentMethod.CARD ? "4242" : null,
                payment.tenderedMinor(),
                change,
                clock.instant()));
        holds.sell(order.hold);
        return new PaymentResult("PAID", order.id, order.code, total, "EUR", order.tickets, change);
    }

    /** A card attempt that took no money stays on the order, as the server lists it: no card number read. */
    private void failedAttempt(OrderBook.Order order, long total, String status) {
        order.payments.add(new PaymentView(
                PaymentMethod.CARD,
                status,
                total,
                "EUR",
                "fake-" + order.payments.size(),
                null,
                null,
                null,
                clock.instant()));
    }
}
