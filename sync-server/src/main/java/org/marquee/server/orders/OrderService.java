package org.marquee.server.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.marquee.model.CreateOrderRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.OrderStatus;
import org.marquee.model.PaymentMethod;
import org.marquee.model.Role;
import org.marquee.model.SeatDefinition;
import org.marquee.model.ShowtimePrices;
import org.marquee.model.TicketRequest;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldService;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.tickets.TicketLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orders: written from an active hold, priced by the showtime's plan, looked up, cancelled, refunded. */
public final class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /** Six letters or digits: what a person types as a booking code, look-alikes included. */
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9]{6}");

    private final CatalogService catalog;
    private final HoldService holds;
    private final OrderStore store;
    private final PaymentGateways gateways;
    private final SeatMapChanges changes;
    private final AuditLog audit;
    private final FailedRefunds failedRefunds;
    private final CodeGuesses guesses;

    /**
     * {@code changes} is told of the showtime of every refund (cancelling tells through the hold); {@code audit} gets
     * an entry for every refund and cancellation, in its transaction (DESIGN §7.5).
     */
    public OrderService(
            CatalogService catalog,
            HoldService holds,
            OrderStore store,
            PaymentGateways gateways,
            SeatMapChanges changes,
            AuditLog audit,
            FailedRefunds failedRefunds) {
        this(catalog, holds, store, gateways, changes, audit, failedRefunds, CodeGuessLimit.STANDARD);
    }

    /** As above, with how many booking codes a terminal may miss before it waits ({@link CodeGuesses}). */
    public OrderService(
            CatalogService catalog,
            HoldService holds,
            OrderStore store,
            PaymentGateways gateways,
            SeatMapChanges changes,
            AuditLog audit,
            FailedRefunds failedRefunds,
            CodeGuessLimit guessLimit) {
        this.guesses = CodeGuesses.of(guessLimit);
        this.failedRefunds = failedRefunds;
        this.changes = changes;
        this.audit = audit;
        this.catalog = catalog;
        this.holds = holds;
        this.store = store;
        this.gateways = gateways;
    }

    public OrderRecord create(Principal caller, CreateOrderRequest request) {
        requireSeller(caller);
        if (request.holdId() == null) {
            throw MarqueeException.invalid("Say which hold to order: 'holdId' is missing.");
        }
        HoldRecord hold = holds.get(caller, request.holdId());
        if (hold.status() != HoldStatus.ACTIVE) {
            throw HoldService.lapsed(hold);
        }
        Map<String, TicketRequest> wanted = checkedTickets(request.tickets(), hold.seatIds());
        String email = EmailAddress.optional(request.email(), "email");
        PricePlan plan = store.pricePlan(hold.showtimeId())
                .orElseThrow(() -> MarqueeException.notFound("There is no showtime " + hold.showtimeId() + "."));
        Map<String, SeatDefinition> seats = seatsOf(hold.showtimeId());
        List<OrderRecord.Line> lines = new ArrayList<>();
        for (TicketRequest ticket : wanted.values()) {
            SeatDefinition seat = seats.get(ticket.seatId());
            long price = plan.price(ticket.type(), seat.type())
                    .orElseThrow(() -> MarqueeException.invalid(
                            "This showtime sells no " + ticket.type().name().toLowerCase(Locale.ROOT) + " tickets."));
            lines.add(new OrderRecord.Line(ticket.seatId(), ticket.type(), seat.type(), price));
        }
        return switch (store.save(hold.id(), caller.terminalId(), caller.staffId(), email, lines, plan.currency())) {
            case OrderStore.Saved.Written written -> written.order();
            case OrderStore.Saved.HoldGone gone -> throw HoldService.lapsed(hold);
            case OrderStore.Saved.AlreadyPaid paid ->
                throw new MarqueeException(
                        ErrorCode.CONFLICT,
                        "These seats are already paid for (booking "
                                + paid.order().code() + ").",
                        Map.of("orderId", paid.order().id().toString()));
        };
    }

    /**
     * An order by id or booking code. Staff see any order; a kiosk sees its own orders by id, and others only by code
     * together with the order's e-mail, so that codes cannot be tried one after another; and a terminal that misses
     * too many codes in a row is slowed down ({@link CodeGuesses}).
     */
    public OrderRecord find(Principal caller, String idOrCode, String email) {
        if (caller.role() == Role.COUNTER) {
            throw new MarqueeException(ErrorCode.FORBIDDEN, "A clerk must sign in to look up orders.");
        }
        if (!CODE_SHAPE.matcher(idOrCode).matches()) {
            OrderRecord order = store.find(orderId(idOrCode)).orElseThrow(() -> notFound(caller));
            if (caller.role() == Role.KIOSK && order.terminalId() != caller.terminalId()) {
                throw notFound(caller);
            }
            return order;
        }
        String code = idOrCode.toUpperCase(Locale.ROOT);
        guesses.checkAllowed(caller.terminalId());
        // a code with a look-alike (0, O, 1, I, L, 2, Z, 5, S, 8, B) was never issued: a miss without a query
        OrderRecord order = (BookingCode.looksLikeOne(code) ? store.findByCode(code) : Optional.<OrderRecord>empty())
                .filter(found -> caller.role() != Role.KIOSK
                        || (email != null
                                && found.email() != null
                                && found.email().equalsIgnoreCase(email.strip())))
                .orElse(null);
        if (order == null) {
            guesses.missed(caller.terminalId());
            throw MarqueeException.notFound(
                    caller.role() == Role.KIOSK
                            ? "No order with code " + code + " and this e-mail."
                            : "No order with code " + code + ".");
        }
        guesses.hit(caller.terminalId());
        return order;
    }

    /** An order the caller may act on: staff any, a kiosk only its own. */
    public OrderRecord owned(Principal caller, UUID orderId) {
        OrderRecord order = store.find(orderId).orElseThrow(() -> notFound(caller));
        if (caller.role() == Role.COUNTER) {
            throw new MarqueeException(ErrorCode.FORBIDDEN, "A clerk must sign in to sell.");
        }
        if (caller.role() == Role.KIOSK && order.terminalId() != caller.terminalId()) {
            throw notFound(caller);
        }
        return order;
    }

    /** True for what a person types as a booking code (6 letters or digits), as opposed to an order id. */
    public static boolean isBookingCode(String idOrCode) {
        return idOrCode != null && CODE_SHAPE.matcher(idOrCode).matches();
    }

    /**
     * A paid order found by booking code, for picking its tickets up: as {@link #find} (a kiosk gives the order's
     * e-mail, and misses count towards the terminal's guess limit), so a kiosk may print or send the tickets of an
     * order bought elsewhere; then a clear refusal unless it is paid.
     */
    public OrderRecord paidByCode(Principal caller, String code, String email) {
        return requirePaid(find(caller, code, email));
    }

    /** A paid order whose tickets may be printed or sent, or a clear refusal. */
    public OrderRecord paid(Principal caller, UUID orderId) {
        return requirePaid(owned(caller, orderId));
    }

    private static OrderRecord requirePaid(OrderRecord order) {
        if (order.status() != OrderStatus.PAID) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "Tickets exist once the order is paid; this one is "
                            + order.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        return order;
    }

    /** Records the e-mail to send a paid order's tickets to. */
    public OrderRecord emailTo(Principal caller, UUID orderId, String email) {
        paid(caller, orderId);
        return setEmail(orderId, email);
    }

    /**
     * Records the e-mail to send the tickets of a paid order found by booking code to. A kiosk's {@code email} is also
     * the proof it may see the order ({@link #paidByCode}), so it can only send them again to the order's own address.
     */
    public OrderRecord emailToByCode(Principal caller, String code, String email) {
        String checked = EmailAddress.required(email, "email");
        OrderRecord order = paidByCode(caller, code, checked);
        return setEmail(order.id(), checked);
    }

    private OrderRecord setEmail(UUID orderId, String email) {
        String checked = EmailAddress.required(email, "email");
        store.setEmail(orderId, checked);
        return store.find(orderId).orElseThrow();
    }

    /** What the showtime's seats cost (its price plan), for a seat map's legend; a 404 naming an unknown showtime. */
    public ShowtimePrices prices(long showtimeId) {
        PricePlan plan = store.pricePlan(showtimeId)
                .orElseThrow(() -> MarqueeException.notFound("There is no showtime " + showtimeId + "."));
        return new ShowtimePrices(showtimeId, plan.currency(), plan.ticketPrices(), plan.seatSurcharges());
    }

    /** Remembers the language the order's tickets and confirmation are written in (en or es, from the terminal). */
    public void speaksIn(UUID orderId, Locale language) {
        store.setLanguage(
                orderId, TicketLanguage.fromTag(language.getLanguage()).getLanguage());
    }

    /** The language the order's tickets and confirmation are written in: English unless the terminal asked. */
    public Locale languageOf(UUID orderId) {
        return TicketLanguage.fromTag(store.language(orderId).orElse(null));
    }

    /** Cancels an unpaid order and frees its seats; cancelling a cancelled order changes nothing. */
    public OrderRecord cancel(Principal caller, UUID orderId) {
        OrderRecord order = owned(caller, orderId);
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT, "This order is paid; a manager can refund it instead of cancelling.");
        }
        if (store.cancel(orderId, () -> audit.record(caller, "ORDER_CANCELLED", "ORDER", orderId, summary(order)))) {
            holds.releaseOnBehalf(order.holdId());
        }
        return store.find(orderId).orElseThrow();
    }

    /**
     * Gives the money back, then frees the seats; refunding a refunded order changes nothing. A card refund the provider
     * refuses does not stop it: the order is REFUNDED (its tickets revoked, its seats free) and the card payment
     * REFUND_FAILED, tried again by the sweeper or paid out in cash by a manager (DESIGN §7.3).
     */
    public OrderRecord refund(Principal caller, UUID orderId) {
        OrderRecord order = owned(caller, orderId);
        if (order.status() == OrderStatus.REFUNDED) {
            return order;
        }
        if (order.status() != OrderStatus.PAID) {
            throw new MarqueeException(ErrorCode.CONFLICT, "Only a paid order can be refunded.");
        }
        String cardError = null;
        for (OrderRecord.Payment payment : order.payments()) {
            if (payment.status().equals("APPROVED")) {
                String error = giveBack(payment);
                if (error != null && payment.method() != PaymentMethod.CARD) {
                    throw new MarqueeException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "The payment could not be given back. Nothing was changed; please try again.");
                }
                cardError = error != null ? error : cardError;
            }
        }
        Map<String, Object> details = summary(order);
        if (cardError != null) {
            details.put("cardRefund", "FAILED");
            details.put("cardRefundError", cardError);
        }
        store.refund(
                orderId,
                cardError,
                failedRefunds.firstRetry(),
                () -> audit.record(caller, "ORDER_REFUNDED", "ORDER", orderId, details));
        if (cardError != null) {
            log.warn("event=refund_failed order={} nextTryIn={}", orderId, failedRefunds.firstRetry());
        }
        changes.changed(order.showtimeId());
        return store.find(orderId).orElseThrow();
    }

    /** Asks the payment's provider for the money back; null when it gave it, else why not. */
    private String giveBack(OrderRecord.Payment payment) {
        try {
            return gateways.of(payment.method())
                            .refund(payment.providerRef(), payment.amountMinor(), payment.currency())
                    ? null
                    : FailedRefunds.REFUSED;
        } catch (RuntimeException e) {
            return "The card provider did not answer (" + e.getClass().getSimpleName() + ").";
        }
    }

    /** What the audit log keeps of an order that was cancelled or refunded. */
    private static Map<String, Object> summary(OrderRecord order) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("code", order.code());
        details.put("showtimeId", order.showtimeId());
        details.put("totalMinor", order.totalMinor());
        details.put("currency", order.currency());
        details.put("statusBefore", order.status().name());
        return details;
    }

    /** The seats of the showtime's layout by id, for prices and for what a ticket shows. */
    public Map<String, SeatDefinition> seatsOf(long showtimeId) {
        Map<String, SeatDefinition> seats = new HashMap<>();
        catalog.showtime(showtimeId).layout().seats().forEach(seat -> seats.put(seat.id(), seat));
        return seats;
    }

    static void requireSeller(Principal caller) {
        if (caller.role() == Role.COUNTER) {
            throw new MarqueeException(ErrorCode.FORBIDDEN, "A clerk must sign in to sell.");
        }
    }

    private static Map<String, TicketRequest> checkedTickets(List<TicketRequest> tickets, List<String> holdSeats) {
        if (tickets == null || tickets.isEmpty()) {
            throw MarqueeException.invalid("Give a ticket type for every seat: 'tickets' is empty.");
        }
        Map<String, TicketRequest> bySeat = new HashMap<>();
        for (TicketRequest ticket : tickets) {
            if (ticket == null || ticket.seatId() == null || ticket.type() == null) {
                throw MarqueeException.invalid("Every ticket needs a 'seatId' and a 'type' (ADULT, CHILD or SENIOR).");
            }
            if (bySeat.put(ticket.seatId(), ticket) != null) {
                throw MarqueeException.invalid("Seat " + ticket.seatId() + " has two tickets; give each seat one.");
            }
        }
        Set<String> held = new HashSet<>(holdSeats);
        List<String> extra =
                bySeat.keySet().stream().filter(s -> !held.contains(s)).sorted().toList();
        List<String> missing =
                holdSeats.stream().filter(s -> !bySeat.containsKey(s)).sorted().toList();
        if (!extra.isEmpty() || !missing.isEmpty()) {
            throw new MarqueeException(
                    ErrorCode.INVALID_REQUEST,
                    "The tickets must be for exactly the seats of the hold"
                            + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                            + (extra.isEmpty()
                                    ? ""
                                    : "; not held "
                                            + String.join(
                                                    ", ",
                                                    extra.stream().limit(20).toList()))
                            + ".",
                    Map.of(
                            "missing",
                            missing,
                            "notHeld",
                            extra.stream().limit(20).toList()));
        }
        return bySeat;
    }

    private static UUID orderId(String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw MarqueeException.malformed("Look an order up by its booking code (6 letters and digits) or its id.");
        }
    }

    private static MarqueeException notFound(Principal caller) {
        return MarqueeException.notFound(
                caller.role() == Role.KIOSK
                        ? "No order matches this booking code and e-mail."
                        : "There is no such order.");
    }
}
