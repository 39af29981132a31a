package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.Orders;
import org.marquee.kiosk.client.Payments;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.client.TicketDelivery;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.PaymentView;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeListing.AuditoriumRef;
import org.marquee.model.ShowtimeListing.MovieRef;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;
import org.marquee.model.TicketView;

/**
 * The sync server's API contract in memory, for view-model tests that run in milliseconds (DESIGN.md §4): seat maps
 * with versions, holds that refuse a taken seat with {@code SEATS_UNAVAILABLE} naming it, expire on {@code clock},
 * one active hold per terminal, orders priced as the demo prices them (ADULT 1250, CHILD 950, SENIOR 1000, PREMIUM
 * +300, EUR), payments where {@code tok_declined} declines and {@code tok_timeout} times out with the seats still
 * held, and a hold that expired before paying refused with {@code HOLD_EXPIRED}. Each {@link #terminal()} is one
 * terminal's view of the same box office. Thread-safe: the view-models call it from background threads.
 */
public final class FakeBoxOffice {

    public static final Duration HOLD_TTL = Duration.ofMinutes(8);
    public static final Duration HOLD_CAP = Duration.ofMinutes(20);

    /** How long a card terminal that never answers is waited for (the server's {@code --payment-timeout}). */
    public static final Duration PAYMENT_TIMEOUT = Duration.ofMillis(500);

    private final Clock clock;
    private final Duration holdTtl;
    private final Duration holdCap;
    private final AtomicLong ids = new AtomicLong(100);
    private final Map<Long, Showtime> showtimes = new LinkedHashMap<>();
    private final Map<UUID, Hold> holds = new HashMap<>();
    private final Map<UUID, Order> orders = new HashMap<>();
    private final Map<Long, List<SeatFeed.Listener>> listeners = new HashMap<>();
    private volatile boolean offline;
    private volatile Duration latency = Duration.ZERO;

    private record Showtime(ShowtimeListing listing, Map<String, SeatView> seats, long[] version) {}

    private static final class Hold {
        final UUID id = UUID.randomUUID();
        final long showtimeId;
        final Terminal owner;
        final Instant createdAt;
        final Instant maxExpiresAt;
        List<String> seatIds;
        HoldStatus status = HoldStatus.ACTIVE;
        Instant expiresAt;

        Hold(long showtimeId, Terminal owner, List<String> seatIds, Instant now, Duration ttl, Duration cap) {
            this.showtimeId = showtimeId;
            this.owner = owner;
            this.seatIds = List.copyOf(seatIds);
            this.createdAt = now;
            this.expiresAt = now.plus(ttl);
            this.maxExpiresAt = now.plus(cap);
        }
    }

    private static final class Order {
        final UUID id = UUID.randomUUID();
        final String code;
        final Hold hold;
        OrderStatus status = OrderStatus.PENDING_PAYMENT;
        List<TicketView> tickets = List.of();
        String email;
        final List<PaymentView> payments = new ArrayList<>();

        Order(Hold hold, String code) {
            this.hold = hold;
            this.code = code;
        }
    }

    /**
     * @param holdTtl how long a hold lasts, and what an extension gives (the server's {@code --hold-ttl})
     * @param holdCap how long a hold may last at most, extensions included ({@code --hold-max-total})
     */
    public FakeBoxOffice(Clock clock, Duration holdTtl, Duration holdCap) {
        this.clock = clock;
        this.holdTtl = holdTtl;
        this.holdCap = holdCap;
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
        long id = ids.incrementAndGet();
        Map<String, SeatView> seats = new LinkedHashMap<>();
        for (SeatDefinition seat : SeatLayout.parse(layout).seats()) {
            seats.put(
                    seat.id(),
                    new SeatView(
                            seat.id(),
                            seat.row(),
                            seat.number(),
                            seat.x(),
                            seat.y(),
                            seat.type(),
                            seat.blocked() ? SeatStatus.BLOCKED : SeatStatus.AVAILABLE));
        }
        var listing = new ShowtimeListing(
                id, movie, room, startsAt, format, ShowtimeStatus.ON_SALE, seats.size(), seats.size());
        showtimes.put(id, new Showtime(listing, seats, new long[] {1}));
        return listing;
    }

    /** The showtime as a listing shows it now: its seats left are those not held, sold or blocked. */
    public synchronized ShowtimeListing listing(long showtimeId) {
        expireHolds();
        Showtime showtime = showtime(showtimeId);
        ShowtimeListing made = showtime.listing();
        int left = (int) showtime.seats().values().stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE)
                .count();
        return new ShowtimeListing(
                made.id(),
                made.movie(),
                made.auditorium(),
                made.startsAt(),
                made.format(),
                made.status(),
                left,
                made.seatsTotal());
    }

    /** Every showtime made so far, in the order made. */
    public synchronized List<ShowtimeListing> listings() {
        return showtimes.values().stream().map(Showtime::listing).toList();
    }

    /** Every call answers after {@code delay}, as over a network (zero by default). */
    public void latency(Duration delay) {
        latency = delay;
    }

    /** While true, every call fails as if the server could not be reached. */
    public void offline(boolean on) {
        offline = on;
    }

    /** A terminal of this box office: one active hold at a time, as the server keeps it per terminal. */
    public Terminal terminal() {
        return new Terminal();
    }

    /** The status of a seat now, as another terminal would read it. */
    public synchronized SeatStatus status(long showtimeId, String seatId) {
        expireHolds();
        return showtimes.get(showtimeId).seats().get(seatId).status();
    }

    /** One terminal's side of the API. */
    public final class Terminal implements SeatHolds, SeatEvents, Orders, Payments, TicketDelivery {

        private Terminal() {}

        /** The box office this terminal belongs to. */
        public FakeBoxOffice office() {
            return FakeBoxOffice.this;
        }

        /** Follows a showtime's seat changes, one event per seat, until closed. */
        @Override
        public AutoCloseable open(long showtimeId, SeatFeed.Listener listener) {
            synchronized (FakeBoxOffice.this) {
                listeners
                        .computeIfAbsent(showtimeId, id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(listener);
            }
            return () -> {
                synchronized (FakeBoxOffice.this) {
                    listeners.get(showtimeId).remove(listener);
                }
            };
        }

        /** The server's liveness, for a connectivity probe: fails while {@link #offline(boolean)}. */
        public boolean health() {
            reachable();
            return true;
        }

        @Override
        public SeatMap seatMap(long showtimeId) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                expireHolds();
                Showtime showtime = showtime(showtimeId);
                return new SeatMap(
                        showtimeId,
                        showtime.version()[0],
                        List.copyOf(showtime.seats().values()));
            }
        }

        @Override
        public HoldView hold(long showtimeId, List<String> seatIds) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                expireHolds();
                holds.values().stream()
                        .filter(h -> h.owner == this && h.status == HoldStatus.ACTIVE)
                        .toList()
                        .forEach(h -> end(h, HoldStatus.RELEASED));
                claim(showtime(showtimeId), seatIds, List.of());
                Hold hold = new Hold(showtimeId, this, seatIds, clock.instant(), holdTtl, holdCap);
                holds.put(hold.id, hold);
                return view(hold);
            }
        }

        @Override
        public HoldView changeSeats(UUID holdId, List<String> seatIds) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                Hold hold = active(holdId);
                Showtime showtime = showtime(hold.showtimeId);
                claim(showtime, seatIds, hold.seatIds);
                hold.seatIds.stream()
                        .filter(seat -> !seatIds.contains(seat))
                        .forEach(seat -> mark(showtime, seat, SeatStatus.AVAILABLE));
                hold.seatIds = List.copyOf(seatIds);
                return view(hold);
            }
        }

        @Override
        public HoldView extend(UUID holdId) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                Hold hold = active(holdId);
                Instant later = clock.instant().plus(holdTtl);
                hold.expiresAt = later.isAfter(hold.maxExpiresAt) ? hold.maxExpiresAt : later;
                return view(hold);
            }
        }

        @Override
        public void release(UUID holdId) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                expireHolds();
                Hold hold = holds.get(holdId);
                if (hold != null && hold.status == HoldStatus.ACTIVE) {
                    end(hold, HoldStatus.RELEASED);
                }
            }
        }

        @Override
        public OrderView order(UUID holdId, List<TicketRequest> tickets, String email) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                Hold hold = active(holdId);
                Order order = orders.values().stream()
                        .filter(o -> o.hold == hold && o.status == OrderStatus.PENDING_PAYMENT)
                        .findFirst()
                        .orElseGet(() -> {
                            Order made = new Order(hold, bookingCode());
                            orders.put(made.id, made);
                            return made;
                        });
                Showtime showtime = showtime(hold.showtimeId);
                order.tickets = tickets.stream()
                        .map(t -> ticket(showtime.seats().get(t.seatId()), t.type()))
                        .toList();
                order.email = email;
                return view(order);
            }
        }

        @Override
        public OrderView findOrder(String idOrCode, String email) {
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                return orders.values().stream()
                        .filter(o -> o.id.toString().equals(idOrCode) || o.code.equalsIgnoreCase(idOrCode))
                        .findFirst()
                        .map(FakeBoxOffice.this::view)
                        .orElseThrow(() -> refused(404, ErrorCode.NOT_FOUND, "No order has this code.", Map.of()));
            }
        }

        /** Cancels an unpaid order: its seats are free again. */
        public OrderView cancel(UUID orderId) {
            synchronized (FakeBoxOffice.this) {
                reachable();
                Order order = orders.get(orderId);
                order.status = OrderStatus.CANCELLED;
                if (order.hold.status == HoldStatus.ACTIVE) {
                    end(order.hold, HoldStatus.RELEASED);
                }
                return view(order);
            }
        }

        @Override
        public PaymentResult pay(UUID orderId, PaymentRequest payment) {
            pause();
            String token = payment.cardToken() == null ? "" : payment.cardToken();
            boolean slow = payment.method() == PaymentMethod.CARD && token.matches("tok_slow_\\d{1,5}");
            if (slow) { // a customer slow at the PIN pad: the hold may run out meanwhile
                reachable();
                sleep(Duration.ofMillis(Long.parseLong(token.substring("tok_slow_".length()))));
            } else if (payment.method() == PaymentMethod.CARD && token.equals("tok_timeout")) {
                sleep(PAYMENT_TIMEOUT); // waits for a card terminal that never answers
            }
            synchronized (FakeBoxOffice.this) {
                reachable();
                expireHolds();
                Order order = orders.get(orderId);
                if (order == null) {
                    throw refused(404, ErrorCode.NOT_FOUND, "No order has this id.", Map.of());
                }
                if (order.status == OrderStatus.PAID) {
                    throw refused(
                            409,
                            ErrorCode.CONFLICT,
                            "This order is already paid (booking " + order.code + ").",
                            Map.of());
                }
                if (order.status != OrderStatus.PENDING_PAYMENT) {
                    throw refused(
                            409,
                            ErrorCode.HOLD_NOT_ACTIVE,
                            "This order was " + order.status.name().toLowerCase(java.util.Locale.ROOT)
                                    + "; start again with new seats.",
                            Map.of());
                }
                if (slow && order.hold.status != HoldStatus.ACTIVE) {
                    throw refused(
                            409,
                            ErrorCode.HOLD_EXPIRED,
                            "The seats' hold expired before the payment completed, so nothing was sold and the charge"
                                    + " has been refunded. Please choose seats again.",
                            Map.of());
                }
                if (order.hold.status != HoldStatus.ACTIVE) {
                    throw refused(
                            409,
                            ErrorCode.HOLD_EXPIRED,
                            "The seats' hold has expired; nothing was charged. Please choose seats again.",
                            Map.of());
                }
                long total = total(order);
                Long change = null;
                if (payment.method() == PaymentMethod.CASH) {
                    long tendered = payment.tenderedMinor() == null ? 0 : payment.tenderedMinor();
                    if (tendered < total) {
                        throw declined("The cash handed over is less than the total.");
                    }
                    change = tendered - total;
                } else if ("tok_declined".equals(payment.cardToken())) {
                    throw declined("The card was declined. Please try another card.");
                } else if ("tok_timeout".equals(payment.cardToken())) {
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
                end(order.hold, HoldStatus.CONFIRMED);
                order.hold.seatIds.forEach(seat -> mark(showtime(order.hold.showtimeId), seat, SeatStatus.SOLD));
                return new PaymentResult("PAID", order.id, order.code, total, "EUR", order.tickets, change);
            }
        }

        /** A PDF with one page per ticket, as the server prints them. */
        @Override
        public byte[] ticketsPdf(UUID orderId) {
            int pages;
            synchronized (FakeBoxOffice.this) {
                reachable();
                pages = orders.get(orderId).tickets.size();
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
            pause();
            synchronized (FakeBoxOffice.this) {
                reachable();
                Order order = orders.get(orderId);
                order.email = email;
                return view(order);
            }
        }

        private Hold active(UUID holdId) {
            expireHolds();
            Hold hold = holds.get(holdId);
            if (hold == null) {
                throw refused(404, ErrorCode.NOT_FOUND, "No hold has this id.", Map.of());
            }
            return switch (hold.status) {
                case ACTIVE -> hold;
                case EXPIRED ->
                    throw refused(
                            409,
                            ErrorCode.HOLD_EXPIRED,
                            "This hold has expired and its seats were released. Please choose seats again.",
                            Map.of());
                case CONFIRMED ->
                    throw refused(
                            409,
                            ErrorCode.HOLD_NOT_ACTIVE,
                            "These seats have already been paid for; the hold cannot change any more.",
                            Map.of());
                case RELEASED ->
                    throw refused(
                            409,
                            ErrorCode.HOLD_NOT_ACTIVE,
                            "This hold was released. Please choose seats again.",
                            Map.of());
            };
        }
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

    private void pause() {
        if (!latency.isZero()) {
            sleep(latency);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reachable() {
        if (offline) {
            throw ApiProblem.unreachable("The server cannot be reached. Check the network and try again.");
        }
    }

    private Showtime showtime(long id) {
        Showtime showtime = showtimes.get(id);
        if (showtime == null) {
            throw refused(404, ErrorCode.NOT_FOUND, "No showtime has this id.", Map.of());
        }
        return showtime;
    }

    /** Takes {@code wanted} for a hold that has {@code own} already: all or nothing, naming the seats others have. */
    private void claim(Showtime showtime, List<String> wanted, List<String> own) {
        List<String> taken = wanted.stream()
                .filter(seat -> !own.contains(seat))
                .filter(seat -> {
                    SeatView view = showtime.seats().get(seat);
                    return view == null || view.status() != SeatStatus.AVAILABLE;
                })
                .toList();
        if (!taken.isEmpty()) {
            String seats = String.join(", ", taken);
            throw refused(
                    409,
                    ErrorCode.SEATS_UNAVAILABLE,
                    taken.size() == 1
                            ? "Seat " + seats + " was just taken by someone else. Please choose another."
                            : "Seats " + seats + " were just taken by someone else. Please choose others.",
                    Map.of("seatIds", taken));
        }
        wanted.forEach(seat -> mark(showtime, seat, SeatStatus.HELD));
    }

    private void expireHolds() {
        Instant now = clock.instant();
        holds.values().stream()
                .filter(h -> h.status == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt))
                .toList()
                .forEach(h -> end(h, HoldStatus.EXPIRED));
    }

    private void end(Hold hold, HoldStatus status) {
        hold.status = status;
        if (status != HoldStatus.CONFIRMED) {
            hold.seatIds.forEach(seat -> mark(showtime(hold.showtimeId), seat, SeatStatus.AVAILABLE));
        }
    }

    /** Changes a seat and tells the showtime's live listeners, in order, as the server's stream does. */
    private void mark(Showtime showtime, String seatId, SeatStatus status) {
        SeatView seat = showtime.seats().get(seatId);
        showtime.seats()
                .put(
                        seatId,
                        new SeatView(seat.id(), seat.row(), seat.number(), seat.x(), seat.y(), seat.type(), status));
        showtime.version()[0]++;
        var event = new SeatChanges(
                showtime.listing().id(), showtime.version()[0], List.of(new SeatChange(seatId, status)));
        listeners.getOrDefault(showtime.listing().id(), List.of()).forEach(listener -> listener.seats(event));
    }

    private static TicketView ticket(SeatView seat, TicketType type) {
        long price = switch (type) {
            case ADULT -> 1250;
            case CHILD -> 950;
            case SENIOR -> 1000;
        };
        if (seat.type() == SeatType.PREMIUM) {
            price += 300;
        }
        return new TicketView(seat.id(), seat.row(), seat.number(), seat.type(), type, price, null);
    }

    private static long total(Order order) {
        return order.tickets.stream().mapToLong(TicketView::priceMinor).sum();
    }

    private HoldView view(Hold hold) {
        return new HoldView(
                hold.id,
                hold.showtimeId,
                hold.seatIds,
                hold.status,
                hold.createdAt,
                hold.expiresAt,
                hold.maxExpiresAt,
                clock.instant());
    }

    private OrderView view(Order order) {
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

    private static ApiProblem declined(String reason) {
        return refused(402, ErrorCode.PAYMENT_DECLINED, reason + " The seats are still held.", Map.of());
    }

    private static ApiProblem refused(int status, ErrorCode code, String message, Map<String, Object> details) {
        return new ApiProblem(status, code, message, details);
    }
}
