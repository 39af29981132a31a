package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.kiosk.client.OrderDesk;
import org.marquee.kiosk.client.Orders;
import org.marquee.kiosk.client.Payments;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.client.TicketDelivery;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeListing.AuditoriumRef;
import org.marquee.model.ShowtimeListing.MovieRef;
import org.marquee.model.TicketRequest;

/**
 * The sync server's API contract in memory, for view-model tests that run in milliseconds (DESIGN.md §4): seat maps
 * with versions, holds that refuse a taken seat with {@code SEATS_UNAVAILABLE} naming it, expire on {@code clock},
 * one active hold per terminal, orders priced as the demo prices them (ADULT 1250, CHILD 950, SENIOR 1000, PREMIUM
 * +300, EUR), payments where {@code tok_declined} declines and {@code tok_timeout} times out with the seats still
 * held, and a hold that expired before paying refused with {@code HOLD_EXPIRED}. Each {@link #terminal()} is one
 * terminal's view of the same box office. Thread-safe: the view-models call it from background threads.
 *
 * <p>The state and its rules live in package-private parts, each owning its share: {@link ShowtimeSeats} (showtimes,
 * seats, live listeners), {@link HoldBook} (holds), {@link OrderBook} (orders and prices), {@link Cashier} (payments)
 * and {@link Connection} (latency and reachability). This class and its {@link Terminal} hold the box office's one
 * lock around every call into them.
 */
public final class FakeBoxOffice {

    public static final Duration HOLD_TTL = Duration.ofMinutes(8);
    public static final Duration HOLD_CAP = Duration.ofMinutes(20);

    /** How long a card terminal that never answers is waited for (the server's {@code --payment-timeout}). */
    public static final Duration PAYMENT_TIMEOUT = Duration.ofMillis(500);

    private final Clock clock;
    private final Connection connection = new Connection();
    private final ShowtimeSeats seats;
    private final HoldBook holds;
    private final OrderBook orders;
    private final Cashier cashier;
    private final List<Integer> holdsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param holdTtl how long a hold lasts, and what an extension gives (the server's {@code --hold-ttl})
     * @param holdCap how long a hold may last at most, extensions included ({@code --hold-max-total})
     */
    public FakeBoxOffice(Clock clock, Duration holdTtl, Duration holdCap) {
        this.clock = clock;
        AtomicLong ids = new AtomicLong(100);
        this.seats = new ShowtimeSeats(ids);
        this.holds = new HoldBook(clock, holdTtl, holdCap, seats);
        this.orders = new OrderBook(ids, seats, holds);
        this.cashier = new Cashier(clock, holds, orders);
    }

    public FakeBoxOffice(Clock clock, Duration holdTtl) {
        this(clock, holdTtl, HOLD_CAP.compareTo(holdTtl) > 0 ? HOLD_CAP : holdTtl);
    }

    public FakeBoxOffice(Clock clock) {
        this(clock, HOLD_TTL);
    }

    public FakeBoxOffice() {
        this(Clock.systemUTC());
    }

    /**
     * The demo's big hall ("Sala 1", DESIGN.md §2): 14 rows of 22 seats in three blocks; row A has wheelchair places
     * with their companion seats, row J is premium, seat C7 is out of service.
     */
    public static final List<String> GRAND_HALL = grandHall();

    private static List<String> grandHall() {
        List<String> rows = new ArrayList<>();
        for (String label : List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P")) {
            rows.add(label + ":"
                    + switch (label) {
                        case "A" -> "WWCC.SSSSSSSSSSSSSS.CCWW";
                        case "C" -> "SSSS.SSSSSSXSSSSSSS.SSSS";
                        case "J" -> "PPPP.PPPPPPPPPPPPPP.PPPP";
                        default -> "SSSS.SSSSSSSSSSSSSS.SSSS";
                    });
        }
        return List.copyOf(rows);
    }

    /** A showtime of "Orbit of Ashes" on sale tomorrow in the big hall, in IMAX. */
    public ShowtimeListing showtime() {
        return showtime("Orbit of Ashes", GRAND_HALL);
    }

    /** A showtime on sale tomorrow in an IMAX hall of {@code layout} (shared-model's seat-layout notation). */
    public ShowtimeListing showtime(String title, List<String> layout) {
        return showtime(
                new MovieRef(2, title, 142, "PG-13"),
                new AuditoriumRef(1, "Sala 1"),
                clock.instant().plus(Duration.ofDays(1)),
                "IMAX",
                layout);
    }

    /** A showtime on sale of {@code movie} in {@code room} laid out as {@code layout}, starting at {@code startsAt}. */
    public synchronized ShowtimeListing showtime(
            MovieRef movie, AuditoriumRef room, Instant startsAt, String format, List<String> layout) {
        return seats.add(movie, room, startsAt, format, layout);
    }

    /** The showtime as a listing shows it now: its seats left are those not held, sold or blocked. */
    public synchronized ShowtimeListing listing(long showtimeId) {
        holds.expire();
        return seats.listing(showtimeId);
    }

    /** Every showtime made so far, in the order made. */
    public synchronized List<ShowtimeListing> listings() {
        return seats.listings();
    }

    /** Every call answers after {@code delay}, as over a network (zero by default). */
    public void latency(Duration delay) {
        connection.latency(delay);
    }

    /**
     * While true, every call fails as if the server could not be reached, and the live seat streams drop; they open
     * again when it is back.
     */
    public void offline(boolean on) {
        connection.offline(on);
        synchronized (this) {
            seats.streams(!on);
        }
    }

    /** A terminal of this box office: one active hold at a time, as the server keeps it per terminal. */
    public Terminal terminal() {
        return new Terminal();
    }

    /**
     * Keeps seats of a showtime from some callers (DESIGN §8): {@code ACCESSIBLE} (wheelchair spaces and companion
     * seats before their release) or {@code HOUSE}; the seat map shows it as {@code restriction}.
     */
    public synchronized void restrict(long showtimeId, List<String> seatIds, SeatRestriction restriction) {
        seats.restrict(showtimeId, seatIds, restriction);
    }

    /** The {@code count}s of the best-available holds asked for so far, in order. */
    public List<Integer> bestHoldsAsked() {
        return List.copyOf(holdsAsked);
    }

    /** The status of a seat now, as another terminal would read it. */
    public synchronized SeatStatus status(long showtimeId, String seatId) {
        holds.expire();
        return seats.status(showtimeId, seatId);
    }

    /** One terminal's side of the API. */
    public final class Terminal implements SeatHolds, SeatEvents, Orders, Payments, TicketDelivery, OrderDesk {

        private Terminal() {}

        /** The box office this terminal belongs to. */
        public FakeBoxOffice office() {
            return FakeBoxOffice.this;
        }

        /** Follows a showtime's seat changes, one event per seat, until closed. */
        @Override
        public AutoCloseable open(long showtimeId, SeatFeed.Listener listener) {
            synchronized (FakeBoxOffice.this) {
                seats.listen(showtimeId, listener);
            }
            return () -> {
                synchronized (FakeBoxOffice.this) {
                    seats.unlisten(showtimeId, listener);
                }
            };
        }

        /** The server's liveness, for a connectivity probe: fails while {@link #offline(boolean)}. */
        public boolean health() {
            connection.reachable();
            return true;
        }

        @Override
        public org.marquee.model.ShowtimePrices prices(long showtimeId) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                seats.seatMap(showtimeId); // an unknown showtime is refused as the server refuses it
                return new org.marquee.model.ShowtimePrices(
                        showtimeId, "EUR", OrderBook.TICKET_PRICES, OrderBook.SEAT_SURCHARGES);
            }
        }

        @Override
        public SeatMap seatMap(long showtimeId) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                holds.expire();
                return seats.seatMap(showtimeId);
            }
        }

        @Override
        public HoldView hold(long showtimeId, List<String> seatIds, boolean accessible) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return holds.hold(this, showtimeId, seatIds, accessible);
            }
        }

        @Override
        public HoldView holdBest(long showtimeId, int count, boolean accessible) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                holdsAsked.add(count);
                return holds.holdBest(this, showtimeId, count, accessible);
            }
        }

        @Override
        public HoldView changeSeats(UUID holdId, List<String> seatIds) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return holds.changeSeats(holdId, seatIds);
            }
        }

        @Override
        public HoldView extend(UUID holdId) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return holds.extend(holdId);
            }
        }

        @Override
        public void release(UUID holdId) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                holds.release(holdId);
            }
        }

        @Override
        public OrderView order(UUID holdId, List<TicketRequest> tickets, String email) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return orders.order(holds.active(holdId), tickets, email);
            }
        }

        @Override
        public OrderView findOrder(String idOrCode, String email) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return orders.find(idOrCode);
            }
        }

        /** Cancels an unpaid order: its seats are free again. */
        @Override
        public OrderView cancel(UUID orderId) {
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return orders.cancel(orderId);
            }
        }

        @Override
        public PaymentResult pay(UUID orderId, PaymentRequest payment) {
            connection.pause();
            String token = payment.cardToken() == null ? "" : payment.cardToken();
            boolean slow = payment.method() == PaymentMethod.CARD && token.matches("tok_slow_\\d{1,5}");
            if (slow) { // a customer slow at the PIN pad: the hold may run out meanwhile
                connection.reachable();
                Connection.sleep(Duration.ofMillis(Long.parseLong(token.substring("tok_slow_".length()))));
            } else if (payment.method() == PaymentMethod.CARD && token.equals("tok_timeout")) {
                Connection.sleep(PAYMENT_TIMEOUT); // waits for a card terminal that never answers
            }
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return cashier.pay(orderId, payment, slow);
            }
        }

        /** A PDF with one page per ticket, as the server prints them. */
        @Override
        public byte[] ticketsPdf(UUID orderId) {
            int pages;
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                pages = orders.ticketCount(orderId);
            }
            try (var document = new org.apache.pdfbox.pdmodel.PDDocument();
                    var out = new java.io.ByteArrayOutputStream()) {
                for (int i = 0; i < pages; i++) {
                    document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                }
                document.save(out);
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public OrderView emailTickets(UUID orderId, String email) {
            connection.pause();
            synchronized (FakeBoxOffice.this) {
                connection.reachable();
                return orders.email(orderId, email);
            }
        }
    }
}
