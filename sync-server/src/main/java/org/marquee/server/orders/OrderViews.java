package org.marquee.server.orders;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentView;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketView;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeDetails;
import org.marquee.server.ticketkeys.TicketKeys;
import org.marquee.server.tickets.TicketSheet;

/** Turns orders into what clients see; paid tickets carry their MQT2 token (DESIGN §9) for the QR code. */
public final class OrderViews {

    private final CatalogService catalog;
    private final OrderService orders;
    private final TicketKeys ticketKeys;

    public OrderViews(CatalogService catalog, OrderService orders, TicketKeys ticketKeys) {
        this.catalog = catalog;
        this.orders = orders;
        this.ticketKeys = ticketKeys;
    }

    public OrderView view(OrderRecord order) {
        return new OrderView(
                order.id(),
                order.code(),
                order.status(),
                order.showtimeId(),
                order.holdId(),
                order.totalMinor(),
                order.currency(),
                order.unpaid() ? order.holdExpiresAt() : null,
                order.email(),
                tickets(order),
                order.payments().stream()
                        .map(p -> new PaymentView(
                                p.method(),
                                p.status(),
                                p.amountMinor(),
                                p.currency(),
                                p.providerRef(),
                                p.cardLast4(),
                                p.tenderedMinor(),
                                p.changeMinor(),
                                p.createdAt()))
                        .toList());
    }

    /** Everything printed on the tickets of a paid order, in the order's language. */
    public TicketSheet sheet(OrderRecord order) {
        return sheet(order, orders.languageOf(order.id()));
    }

    /** Everything printed on the tickets of a paid order, in {@code language} (English unless it is Spanish). */
    public TicketSheet sheet(OrderRecord order, Locale language) {
        ShowtimeDetails showtime = catalog.details(order.showtimeId());
        return new TicketSheet(
                showtime.theaterName(),
                showtime.theaterAddress(),
                showtime.movieTitle(),
                showtime.rating(),
                showtime.runtimeMinutes(),
                showtime.auditoriumName(),
                showtime.startsAt(),
                showtime.zone(),
                order.code(),
                order.currency(),
                tickets(order).stream()
                        .map(t -> new TicketSheet.Line(
                                t.seatId(), t.row(), t.number(), t.seatType(), t.type(), t.priceMinor(), t.token()))
                        .toList(),
                showtime.format(),
                language);
    }

    public List<TicketView> tickets(OrderRecord order) {
        Map<String, SeatDefinition> seats = orders.seatsOf(order.showtimeId());
        boolean paid = order.status() == OrderStatus.PAID;
        var startsAt = catalog.showtime(order.showtimeId()).startsAt();
        // in the order a person reads a seat map: row by row, left to right (F9 before F10)
        return order.tickets().stream()
                .sorted(java.util.Comparator.comparingInt((OrderRecord.Line line) -> position(seats, line.seatId())))
                .map(line -> {
                    SeatDefinition seat = seats.get(line.seatId());
                    // Ed25519 is deterministic: the same ticket gives the same token until the key is rotated
                    String token = paid
                            ? ticketKeys.sign(new SignedTicketToken.Claims(
                                    line.ticketId(),
                                    order.code(),
                                    order.showtimeId(),
                                    line.seatId(),
                                    line.type(),
                                    startsAt))
                            : null;
                    return new TicketView(
                            line.seatId(),
                            seat == null ? "" : seat.row(),
                            seat == null ? 0 : seat.number(),
                            line.seatType(),
                            line.type(),
                            line.priceMinor(),
                            token,
                            line.ticketId() == 0 ? null : line.ticketId());
                })
                .toList();
    }

    private static int position(Map<String, SeatDefinition> seats, String seatId) {
        SeatDefinition seat = seats.get(seatId);
        return seat == null ? Integer.MAX_VALUE : seat.y() * 10_000 + seat.x();
    }
}
