package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.refused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.TicketPickup;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;
import org.marquee.model.TicketView;

/**
 * The server's pick-up side as DESIGN §4 and the sync server answer it, in memory: orders by booking code (any case)
 * and their e-mail (any case); a wrong code or e-mail is the same 404; a terminal that misses {@code limit} times within
 * {@code window} gets 429 {@code RATE_LIMITED} with the seconds left until the window ends, even for the right code;
 * tickets of an order that is not paid are 409. Remembers what it printed and mailed.
 */
public final class FakePickupDesk implements TicketPickup {

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Connection connection = new Connection();
    private final Map<String, OrderView> byCode = new LinkedHashMap<>();
    private final List<String> mailed = new ArrayList<>();
    private final List<String> printed = new ArrayList<>();
    private Instant windowStart;
    private int misses;

    public FakePickupDesk(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** The server's standard limit: 10 misses a minute. */
    public FakePickupDesk(Clock clock) {
        this(clock, 10, Duration.ofMinutes(1));
    }

    /** An order the desk knows, paid or not, with one ticket per seat id ("F7"). */
    public synchronized OrderView add(String code, String email, OrderStatus status, long showtimeId, String... seats) {
        List<TicketView> tickets = new ArrayList<>();
        for (String seat : seats) {
            tickets.add(new TicketView(
                    seat,
                    seat.substring(0, 1),
                    Integer.parseInt(seat.substring(1)),
                    SeatType.STANDARD,
                    TicketType.ADULT,
                    1250,
                    status == OrderStatus.PAID ? "MQT2.k1.payload.signature" : null));
        }
        OrderView order = new OrderView(
                UUID.randomUUID(),
                code,
                status,
                showtimeId,
                UUID.randomUUID(),
                1250L * seats.length,
                "EUR",
                clock.instant(),
                email,
                tickets,
                List.of());
        byCode.put(code, order);
        return order;
    }

    /** While true, every call fails as if the server could not be reached. */
    public void offline(boolean on) {
        connection.offline(on);
    }

    /** How long each call takes to answer. */
    public void latency(Duration delay) {
        connection.latency(delay);
    }

    /** The codes whose tickets were fetched as PDF, in order. */
    public synchronized List<String> printed() {
        return List.copyOf(printed);
    }

    /** The addresses tickets were mailed to again, in order. */
    public synchronized List<String> mailed() {
        return List.copyOf(mailed);
    }

    @Override
    public OrderView find(String code, String email) {
        connection.pause();
        synchronized (this) {
            connection.reachable();
            return lookUp(code, email);
        }
    }

    @Override
    public byte[] ticketsPdf(String code, String email) {
        connection.pause();
        OrderView order;
        synchronized (this) {
            connection.reachable();
            order = paid(lookUp(code, email));
            printed.add(order.code());
        }
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < order.tickets().size(); i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OrderView emailTickets(String code, String email) {
        connection.pause();
        synchronized (this) {
            connection.reachable();
            OrderView order = paid(lookUp(code, email));
            mailed.add(email);
            return order;
        }
    }

    private OrderView lookUp(String code, String email) {
        Instant now = clock.instant();
        if (windowStart != null && !now.isBefore(windowStart.plus(window))) {
            windowStart = null;
            misses = 0;
        }
        if (misses >= limit) {
            long seconds =
                    Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds());
            throw refused(
                    429,
                    ErrorCode.RATE_LIMITED,
                    "Too many booking codes that matched no order. Please wait " + seconds
                            + " seconds and check the code.",
                    Map.of(ApiProblem.RETRY_AFTER_SECONDS, seconds));
        }
        String upper = code.toUpperCase(Locale.ROOT);
        OrderView order = byCode.get(upper);
        if (order == null
                || email == null
                || order.email() == null
                || !order.email().equalsIgnoreCase(email.strip())) {
            if (windowStart == null) {
                windowStart = now;
            }
            misses++;
            throw refused(404, ErrorCode.NOT_FOUND, "No order with code " + upper + " and this e-mail.", Map.of());
        }
        windowStart = null;
        misses = 0;
        return order;
    }

    private static OrderView paid(OrderView order) {
        if (order.status() != OrderStatus.PAID) {
            throw refused(
                    409,
                    ErrorCode.CONFLICT,
                    "Tickets exist once the order is paid; this one is "
                            + order.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".",
                    Map.of());
        }
        return order;
    }
}
