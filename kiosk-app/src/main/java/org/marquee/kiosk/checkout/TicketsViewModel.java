package org.marquee.kiosk.checkout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.Orders;
import org.marquee.kiosk.core.EmailAddress;
import org.marquee.kiosk.core.HoldTimer;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.SeatIds;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;
import org.marquee.model.TicketView;

/**
 * The tickets screen: a ticket type for every held seat, the total as the server prices it, and an optional e-mail.
 * Every change is sent as {@code POST /orders} (the server replaces the unpaid order's tickets and keeps its code), one
 * request at a time: a change made while one is on its way is sent when it returns, so the total shown is always the
 * server's total for what is chosen. "Continue" sends the order once more with the e-mail and goes to the payment.
 */
public final class TicketsViewModel {

    private final Orders orders;
    private final CheckoutFrame frame;

    private final ObservableList<TicketLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pricing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper emailInvalid = new ReadOnlyBooleanWrapper(false);
    private final StringProperty email = new SimpleStringProperty("");

    private HoldView hold;
    private OrderView priced;
    private boolean changedWhilePricing;

    /** @param orders prices the hold's tickets and makes the order */
    public TicketsViewModel(Orders orders, CheckoutFrame frame) {
        this.orders = orders;
        this.frame = frame;
        email.addListener((obs, old, typed) -> update());
    }

    /**
     * Shows the sale's held seats, with the types chosen before when the person comes back from the payment, and
     * prices them. Call once when the screen is shown.
     */
    public void start() {
        hold = frame.sale().holdProperty().get();
        frame.start();
        lines.clear();
        if (hold == null) {
            message.set(frame.messages().get("tickets.noSeats"));
            update();
            return;
        }
        OrderView earlier = frame.sale().orderProperty().get();
        Map<String, TicketView> before = new HashMap<>();
        if (earlier != null && hold.holdId().equals(earlier.holdId())) {
            earlier.tickets().forEach(ticket -> before.put(ticket.seatId(), ticket));
            if (earlier.email() != null) {
                email.set(earlier.email());
            }
        }
        for (String seatId :
                hold.seatIds().stream().sorted(SeatIds.READING_ORDER).toList()) {
            TicketView known = before.get(seatId);
            TicketLine line = new TicketLine(seatId, known == null ? TicketType.ADULT : known.type());
            if (known != null) {
                line.priced(known, earlier.currency(), frame.messages().locale());
            }
            lines.add(line);
        }
        price();
    }

    /** Sets the ticket type of one seat and asks the server for the new total. */
    public void choose(TicketLine line, TicketType type) {
        if (line.type() == type || !lines.contains(line)) {
            return;
        }
        line.choose(type);
        total.set("");
        price();
    }

    /** Back to the seat map; the seats stay held. */
    public void back() {
        frame.navigator().go(Screen.SEAT_MAP);
    }

    /** Sends the order with the e-mail, if one was given, and goes on to the payment. */
    public void continueToPayment() {
        if (!canContinue.get()) {
            return;
        }
        UUID holdId = hold.holdId();
        List<TicketRequest> tickets = requests();
        String address = typedEmail();
        submitting.set(true);
        message.set("");
        update();
        frame.whenOnline(
                () -> orders.order(holdId, tickets, address),
                order -> {
                    submitting.set(false);
                    apply(order);
                    frame.sale().priced(order);
                    frame.navigator().go(Screen.PAYMENT);
                },
                problem -> {
                    submitting.set(false);
                    refused(problem);
                });
    }

    /** After the hold was lost: forgets the sale and goes back to the showtimes. */
    public void startOver() {
        frame.sale().startOver();
        frame.navigator().go(Screen.SHOWTIMES);
    }

    /** Moves the countdown on; the view calls it every second. */
    public void tick() {
        frame.timer().tick();
        if (frame.timer().expiredProperty().get() && !lost.get() && hold != null) {
            lose(frame.messages().get("tickets.expired"));
        }
    }

    private void price() {
        if (hold == null || lost.get()) {
            return;
        }
        if (pricing.get()) {
            changedWhilePricing = true;
            return;
        }
        pricing.set(true);
        changedWhilePricing = false;
        update();
        UUID holdId = hold.holdId();
        List<TicketRequest> tickets = requests();
        // a valid address goes along, so that re-pricing never drops one given before
        String address = emailInvalid.get() ? null : typedEmail();
        frame.whenOnline(
                () -> orders.order(holdId, tickets, address),
                order -> {
                    pricing.set(false);
                    message.set("");
                    apply(order);
                    frame.sale().priced(order);
                    if (changedWhilePricing) {
                        price();
                    }
                },
                problem -> {
                    pricing.set(false);
                    changedWhilePricing = false;
                    refused(problem);
                });
    }

    private List<TicketRequest> requests() {
        return lines.stream()
                .map(line -> new TicketRequest(line.seatId(), line.type()))
                .toList();
    }

    private void apply(OrderView order) {
        priced = order;
        Map<String, TicketView> bySeat = new HashMap<>();
        order.tickets().forEach(ticket -> bySeat.put(ticket.seatId(), ticket));
        for (TicketLine line : lines) {
            TicketView ticket = bySeat.get(line.seatId());
            if (ticket != null) {
                line.priced(ticket, order.currency(), frame.messages().locale());
            }
        }
        total.set(
                matchesChoice(order)
                        ? Money.format(
                                order.totalMinor(),
                                order.currency(),
                                frame.messages().locale())
                        : "");
        update();
    }

    private boolean matchesChoice(OrderView order) {
        if (order.tickets().size() != lines.size()) {
            return false;
        }
        Map<String, TicketType> chosen = new HashMap<>();
        lines.forEach(line -> chosen.put(line.seatId(), line.type()));
        return order.tickets().stream().allMatch(ticket -> ticket.type() == chosen.get(ticket.seatId()));
    }

    private void refused(ApiProblem problem) {
        if (problem.code() == ErrorCode.HOLD_EXPIRED || problem.code() == ErrorCode.HOLD_NOT_ACTIVE) {
            lose(ProblemTexts.of(problem, frame.messages()));
        } else {
            message.set(ProblemTexts.of(problem, frame.messages()));
            update();
        }
    }

    private void lose(String why) {
        lost.set(true);
        message.set(why);
        update();
    }

    /** The e-mail typed, or null when none was. */
    private String typedEmail() {
        String typed = email.get() == null ? "" : email.get().strip();
        return typed.isEmpty() ? null : typed;
    }

    private void update() {
        String typed = typedEmail();
        boolean badEmail = typed != null && !EmailAddress.looksValid(typed);
        emailInvalid.set(badEmail);
        canContinue.set(hold != null
                && !lines.isEmpty()
                && !lost.get()
                && !pricing.get()
                && !submitting.get()
                && !badEmail
                && priced != null
                && !total.get().isEmpty());
    }

    public ObservableList<TicketLine> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** The server's total for the types chosen ("€22.00"); empty while it is being priced. */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** What went wrong, for the person; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The movie, auditorium and time of the showtime. */
    public ReadOnlyStringProperty headingProperty() {
        return frame.headingProperty();
    }

    public ReadOnlyBooleanProperty pricingProperty() {
        return pricing.getReadOnlyProperty();
    }

    /** True once the seats are gone (the hold expired or was released): only starting over is left. */
    public ReadOnlyBooleanProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    /** True while the typed e-mail does not look like an address. */
    public ReadOnlyBooleanProperty emailInvalidProperty() {
        return emailInvalid.getReadOnlyProperty();
    }

    /** The e-mail the person types: the view binds its field to it. */
    public StringProperty emailProperty() {
        return email;
    }

    public HoldTimer timer() {
        return frame.timer();
    }

    /** The frame this screen shares with the other checkout screen. */
    public CheckoutFrame frame() {
        return frame;
    }

    public Mode mode() {
        return frame.mode();
    }

    /** The code of the order being priced, once the server gave it one. */
    public String orderCode() {
        return priced == null ? null : priced.code();
    }
}
