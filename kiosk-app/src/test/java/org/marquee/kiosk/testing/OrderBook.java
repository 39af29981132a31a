package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.refused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentView;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;
import org.marquee.model.TicketView;

/**
 * The fake box office's orders: one pending order per hold, priced as the demo prices them (ADULT 1250, CHILD 950,
 * SENIOR 1000, PREMIUM +300, EUR), with a booking code. Not thread-safe by itself: every call is made holding the
 * {@link FakeBoxOffice}'s lock.
 */
final class OrderBook {

    static final class Order {
        final UUID id = UUID.randomUUID();
        final String code;
        final HoldBook.Hold hold;
        OrderStatus status = OrderStatus.PENDING_PAYMENT;
        List<TicketView> tickets = List.of();
        String email;
        final List<PaymentView> payments = new ArrayList<>();

        Order(HoldBook.Hold hold, String code) {
            this.hold = hold;
            this.code = code;
        }
    }

    private final AtomicLong ids;
    private final ShowtimeSeats seats;
    private final HoldBook holds;
    private final Map<UUID, Order> orders = new HashMap<>();

    /** @param ids the box office's id sequence, shared with its showtimes */
    OrderBook(AtomicLong ids, ShowtimeSeats seats, HoldBook holds) {
        this.ids = ids;
        this.seats = seats;
        this.holds = holds;
    }

    /** Prices {@code tickets} on the hold's pending order, made if it has none yet. */
    OrderView order(HoldBook.Hold hold, List<TicketRequest> tickets, String email) {
        Order order = orders.values().stream()
                .filter(o -> o.hold == hold && o.status == OrderStatus.PENDING_PAYMENT)
                .findFirst()
                .orElseGet(() -> {
                    Order made = new Order(hold, bookingCode());
                    orders.put(made.id, made);
                    return made;
                });
        ShowtimeSeats.Showtime showtime = seats.showtime(hold.showtimeId);
        order.tickets = tickets.stream()
                .map(t -> ticket(showtime.seats().get(t.seatId()), t.type()))
                .toList();
        order.email = email;
        return view(order);
    }

    OrderView find(String idOrCode) {
        return orders.values().stream()
                .filter(o -> o.id.toString().equals(idOrCode) || o.code.equalsIgnoreCase(idOrCode))
                .findFirst()
                .map(this::view)
                .orElseThrow(() -> refused(
                        404,
                        ErrorCode.NOT_FOUND,
                        idOrCode.length() == 6
                                ? "No order with code " + idOrCode.toUpperCase(java.util.Locale.ROOT) + "."
                                : "There is no such order.",
                        Map.of()));
    }

    /** Cancels an unpaid order: its seats are free again. */
    OrderView cancel(UUID orderId) {
        Order order = orders.get(orderId);
        order.status = OrderStatus.CANCELLED;
        if (order.hold.status == HoldStatus.ACTIVE) {
            holds.end(order.hold, HoldStatus.RELEASED);
        }
        return view(order);
    }

    OrderView email(UUID orderId, String email) {
        Order order = orders.get(orderId);
        order.email = email;
        return view(order);
    }

    /** How many tickets the order has. */
    int ticketCount(UUID orderId) {
        return orders.get(orderId).tickets.size();
    }

    /** The order with this id, or null. */
    Order get(UUID orderId) {
        return orders.get(orderId);
    }

    static long total(Order order) {
        return order.tickets.stream().mapToLong(TicketView::priceMinor).sum();
    }

    OrderView view(Order order) {
        return new OrderView(
                order.id,
                order.code,
                order.status,
                order.hold.showtimeId,
                order.hold.id,
                total(order),
                "EUR",
                order.hold.expiresAt,
                order.email,
                order.tickets,
                List.copyOf(order.payments));
    }

    /** Six letters and digits that cannot be misread, as the server's booking codes. */
    private String bookingCode() {
        String alphabet = "ACDEFGHJKMNPQRTUVWXY3479";
        long n = ids.incrementAndGet() * 7_919L + 104_729L;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt((int) (n % alphabet.length())));
            n /= alphabet.length();
        }
        return code.toString();
    }

    /** The demo's price plan: what {@code GET /showtimes/{id}/prices} answers, and what orders are priced by. */
    static final java.util.Map<TicketType, Long> TICKET_PRICES =
            java.util.Map.of(TicketType.ADULT, 1250L, TicketType.CHILD, 950L, TicketType.SENIOR, 1000L);

    static final java.util.Map<SeatType, Long> SEAT_SURCHARGES = java.util.Map.of(SeatType.PREMIUM, 300L);

    private static TicketView ticket(SeatView seat, TicketType type) {
        long price = TICKET_PRICES.get(type) + SEAT_SURCHARGES.getOrDefault(seat.type(), 0L);
        return new TicketView(seat.id(), seat.row(), seat.number(), seat.type(), type, price, null);
    }
}
