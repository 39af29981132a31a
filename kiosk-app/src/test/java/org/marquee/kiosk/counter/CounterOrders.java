package org.marquee.kiosk.counter;

import java.time.LocalDate;
import java.util.List;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;

/** Real orders for the counter's tests, made through the API by a signed-in clerk of the demo counter terminal. */
final class CounterOrders {

    static final String COUNTER_TOKEN = "demo-counter-1";

    private CounterOrders() {}

    /** A client of the demo counter terminal with the clerk alice signed in. */
    static MarqueeClient clerk(String serverUrl) {
        MarqueeClient client = new MarqueeClient(serverUrl, COUNTER_TOKEN);
        client.useToken(client.signIn("alice", "1234").token());
        return client;
    }

    /** An order of two standard seats for a showtime of tomorrow, not paid yet (its hold is the terminal's). */
    static OrderView unpaid(MarqueeClient clerk) {
        ShowtimeListing showtime =
                clerk.showtimes(1, LocalDate.now().plusDays(1)).getFirst();
        List<String> seats = clerk.seatMap(showtime.id()).seats().stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE && seat.type() == SeatType.STANDARD)
                .limit(2)
                .map(SeatView::id)
                .toList();
        HoldView hold = clerk.hold(showtime.id(), seats);
        return clerk.order(
                hold.holdId(),
                List.of(
                        new TicketRequest(seats.get(0), TicketType.ADULT),
                        new TicketRequest(seats.get(1), TicketType.CHILD)),
                null);
    }

    /** An order like {@link #unpaid} paid in cash, exactly the total. */
    static OrderView paid(MarqueeClient clerk) {
        OrderView order = unpaid(clerk);
        clerk.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, order.totalMinor()));
        return clerk.findOrder(order.code(), null);
    }

    /** The status of each of the order's seats in its showtime's seat map now. */
    static List<SeatStatus> seatStatuses(MarqueeClient client, OrderView order) {
        List<String> ids =
                order.tickets().stream().map(ticket -> ticket.seatId()).toList();
        return client.seatMap(order.showtimeId()).seats().stream()
                .filter(seat -> ids.contains(seat.id()))
                .map(SeatView::status)
                .toList();
    }
}
