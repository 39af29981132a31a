package org.marquee.kiosk.counter;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentView;
import org.marquee.model.SeatIds;
import org.marquee.model.TicketView;

/** An order as the lookup screen shows it: every value already in words and money of the terminal's language. */
public record OrderSummary(
        String code,
        String status,
        String showtime,
        String total,
        String email,
        List<TicketLine> tickets,
        List<String> payments) {

    /** One ticket: its seat, the seat's kind, the ticket type, and its price. */
    public record TicketLine(String seat, String seatType, String ticketType, String price) {}

    public OrderSummary {
        tickets = List.copyOf(tickets);
        payments = List.copyOf(payments);
    }

    static OrderSummary of(OrderView order, Messages messages) {
        return of(order, messages, null);
    }

    /** The order in words; {@code showtime} names its showtime, or null for "Showtime no. 8". */
    static OrderSummary of(OrderView order, Messages messages, String showtime) {
        Locale locale = messages.locale();
        List<TicketLine> tickets = order.tickets().stream()
                .sorted(Comparator.comparing(TicketView::seatId, SeatIds.READING_ORDER))
                .map(ticket -> new TicketLine(
                        ticket.seatId(),
                        messages.get("lookup.seatType." + ticket.seatType()),
                        messages.get("lookup.ticketType." + ticket.type()),
                        money(ticket.priceMinor(), order.currency(), locale)))
                .toList();
        List<String> payments = order.payments().isEmpty()
                ? List.of(messages.get("lookup.payments.none"))
                : order.payments().stream()
                        .map(payment -> payment(payment, messages))
                        .toList();
        return new OrderSummary(
                order.code(),
                messages.get("lookup.status." + order.status()),
                showtime == null || showtime.isBlank()
                        ? messages.get("lookup.showtimeNumber", Long.toString(order.showtimeId()))
                        : showtime,
                money(order.totalMinor(), order.currency(), locale),
                order.email() == null || order.email().isBlank() ? "—" : order.email(),
                tickets,
                payments);
    }

    /** The seats of an order, for a sentence: "F7, F8". */
    static String seats(OrderView order) {
        return String.join(
                ", ",
                order.tickets().stream()
                        .map(TicketView::seatId)
                        .sorted(SeatIds.READING_ORDER)
                        .toList());
    }

    private static String payment(PaymentView payment, Messages messages) {
        Locale locale = messages.locale();
        String amount = money(payment.amountMinor(), payment.currency(), locale);
        String status = status(payment, messages);
        if (payment.method() == PaymentMethod.CARD) {
            // an attempt that took no money (declined, or the card terminal never answered) has no card number
            return payment.cardLast4() == null
                    ? messages.get("lookup.payment.cardNotRead", amount, status)
                    : messages.get("lookup.payment.card", payment.cardLast4(), amount, status);
        }
        if (payment.tenderedMinor() != null) {
            return messages.get(
                    "lookup.payment.cashTendered",
                    amount,
                    money(payment.tenderedMinor(), payment.currency(), locale),
                    money(payment.changeMinor() == null ? 0 : payment.changeMinor(), payment.currency(), locale),
                    status);
        }
        return messages.get("lookup.payment.cash", amount, status);
    }

    /**
     * A payment's status in words; a card refund the provider refused (REFUND_FAILED, DESIGN §7.3) says what happens
     * next, so the clerk can tell the customer.
     */
    static String status(PaymentView payment, Messages messages) {
        if (payment.status() == null) {
            return "";
        }
        return messages.find("lookup.paymentStatus." + payment.status())
                .orElse(payment.status().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** True when a card refund of the order was refused and is still owed to the customer. */
    static boolean refundOwed(OrderView order) {
        return order.payments().stream().anyMatch(payment -> "REFUND_FAILED".equals(payment.status()));
    }

    /** Minor units as money of the given currency, written the terminal's way: "€9.50", "9,50 €". */
    static String money(long minor, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency == null ? "EUR" : currency);
        format.setCurrency(unit);
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }
}
