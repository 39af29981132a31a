package org.marquee.kiosk.checkout;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.Orders;
import org.marquee.kiosk.client.Payments;
import org.marquee.kiosk.core.HoldTimer;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.PaymentView;

/**
 * The payment screen: cash (counter only) with the change worked out as the clerk types, or a card through the card
 * terminal. A declined card or a terminal that did not answer leaves the seats held, so the person may try again; a
 * hold that expired meanwhile ends the sale (the server refunds a charge it could not sell for). Each attempt is one
 * request with its own Idempotency-Key (the client adds it), so a retried request never charges twice.
 */
public final class PaymentViewModel {

    /** A quick-tender button: what it reads and what it puts in the tendered field. */
    public record QuickAmount(String label, long minor) {}

    private final Payments payments;
    private final Orders orders;
    private final CheckoutFrame frame;
    private final CardReader cards;

    private final ReadOnlyObjectWrapper<PaymentMethod> method = new ReadOnlyObjectWrapper<>(PaymentMethod.CARD);
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canPayCash = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canPayCard = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<QuickAmount>> quickAmounts = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty tendered = new SimpleStringProperty("");
    private final ObjectProperty<String> cardToken = new SimpleObjectProperty<>(SimulatedCardTerminal.APPROVE);

    private OrderView order;

    /**
     * @param payments charges the order; {@code orders} looks it up when an answer was lost
     * @param cards what takes cards here, as the server says: none (no card payment offered, no token ever sent), its
     *     simulated terminal, or that one with the choice of its answer on a demo terminal
     */
    public PaymentViewModel(Payments payments, Orders orders, CheckoutFrame frame, CardReader cards) {
        this.payments = payments;
        this.orders = orders;
        this.frame = frame;
        this.cards = cards;
        // a kiosk of a server without a card terminal has no way to pay here: neither pane shows
        method.set(methods().isEmpty() ? null : methods().getFirst());
        tendered.addListener((obs, old, typed) -> update());
        cardToken.addListener((obs, old, token) -> update());
    }

    /** Shows the sale's order and its hold's countdown. Call once when the screen is shown. */
    public void start() {
        order = frame.sale().orderProperty().get();
        frame.start();
        if (order == null) {
            error.set(frame.messages().get("payment.noOrder"));
        } else {
            if (methods().isEmpty()) {
                error.set(frame.messages().get("payment.card.none"));
            }
            total.set(money(order.totalMinor()));
            quickAmounts.set(
                    CashTender.quickAmounts(order.totalMinor(), Money.fractionDigits(order.currency())).stream()
                            .map(minor -> new QuickAmount(
                                    minor == order.totalMinor()
                                            ? frame.messages().get("payment.cash.exact")
                                            : money(minor),
                                    minor))
                            .toList());
        }
        update();
    }

    /**
     * The methods this terminal takes: cash at a counter, card where the server has a card terminal; a kiosk of a
     * server without one takes nothing and says so.
     */
    public List<PaymentMethod> methods() {
        if (!cards.takesCards()) {
            return cashAccepted() ? List.of(PaymentMethod.CASH) : List.of();
        }
        return cashAccepted() ? List.of(PaymentMethod.CASH, PaymentMethod.CARD) : List.of(PaymentMethod.CARD);
    }

    public boolean cashAccepted() {
        return frame.mode() != Mode.KIOSK;
    }

    public void selectMethod(PaymentMethod chosen) {
        if (paying.get() || !methods().contains(chosen)) {
            return;
        }
        method.set(chosen);
        error.set("");
        update();
    }

    /** A quick-tender button: puts that amount in the tendered field. */
    public void tender(long minor) {
        if (order != null) {
            tendered.set(Money.plain(minor, order.currency(), frame.messages().locale()));
        }
    }

    /** Takes the cash handed over; the server confirms the change. Counter only. */
    public void payCash() {
        OptionalLong handed = tenderedMinor();
        if (!canPayCash.get() || handed.isEmpty()) {
            return;
        }
        pay(new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, handed.getAsLong()));
    }

    /**
     * The card was inserted or tapped on the (simulated) card terminal: charges it with the token the terminal gave,
     * the one chosen on a demo terminal, else the approving one.
     */
    public void payByCard() {
        if (!canPayCard.get()) {
            return;
        }
        String token = cards == CardReader.SIMULATED_WITH_CHOICE && cardToken.get() != null
                ? cardToken.get()
                : SimulatedCardTerminal.APPROVE;
        status.set(frame.messages().get("payment.card.waiting"));
        pay(new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), token, null));
    }

    /** Back to the ticket types; the seats stay held. */
    public void back() {
        if (!paying.get()) {
            frame.navigator().go(Screen.TICKETS);
        }
    }

    /** After the hold was lost: back to the showtimes for a new frame.sale(). */
    public void startOver() {
        frame.sale().startOver();
        frame.navigator().go(Screen.SHOWTIMES);
    }

    /** Moves the countdown on; the view calls it every second. */
    public void tick() {
        frame.timer().tick();
    }

    private void pay(PaymentRequest request) {
        UUID orderId = order.orderId();
        paying.set(true);
        error.set("");
        if (request.method() == PaymentMethod.CASH) {
            status.set(frame.messages().get("payment.cash.recording"));
        }
        update();
        frame.whenOnline(() -> payments.pay(orderId, request), this::paid, this::refused);
    }

    private void paid(PaymentResult result) {
        paying.set(false);
        status.set("");
        if (!"PAID".equals(result.status())) {
            error.set(frame.messages().get("payment.pending"));
            update();
            return;
        }
        frame.sale().paid(result);
        update();
        frame.navigator().go(Screen.DONE);
    }

    private void refused(ApiProblem problem) {
        if (problem.offline() || problem.code() == ErrorCode.CONFLICT) {
            // the answer may have been lost on its way back, or an earlier try went through after all: if the
            // server has the order paid, the sale is done and paying again would be refused anyway
            UUID orderId = order.orderId();
            frame.tasks()
                    .run(
                            () -> orders.findOrder(orderId.toString(), null),
                            found -> {
                                if (found.status() == OrderStatus.PAID) {
                                    paid(paidAlready(found));
                                } else {
                                    failed(problem);
                                }
                            },
                            unknown -> failed(problem));
            return;
        }
        failed(problem);
    }

    private static PaymentResult paidAlready(OrderView paidOrder) {
        Long change = paidOrder.payments().stream()
                .filter(payment -> "APPROVED".equals(payment.status()))
                .reduce((first, second) -> second)
                .map(PaymentView::changeMinor)
                .orElse(null);
        return new PaymentResult(
                "PAID",
                paidOrder.orderId(),
                paidOrder.code(),
                paidOrder.totalMinor(),
                paidOrder.currency(),
                paidOrder.tickets(),
                change);
    }

    private void failed(ApiProblem problem) {
        paying.set(false);
        status.set("");
        error.set(ProblemTexts.of(problem, frame.messages()));
        if (problem.code() == ErrorCode.HOLD_EXPIRED || problem.code() == ErrorCode.HOLD_NOT_ACTIVE) {
            // the seats are gone and the server refunded any charge: this sale is over
            lost.set(true);
            frame.timer().follow(null);
            frame.sale().forget();
        }
        update();
    }

    private OptionalLong tenderedMinor() {
        return order == null ? OptionalLong.empty() : Money.parse(tendered.get(), order.currency());
    }

    private void update() {
        boolean ready = order != null && !paying.get() && !lost.get();
        OptionalLong handed = tenderedMinor();
        OptionalLong due = order == null ? OptionalLong.empty() : CashTender.change(order.totalMinor(), handed);
        if (handed.isEmpty() || order == null) {
            change.set("");
        } else if (due.isEmpty()) {
            change.set(frame.messages().get("payment.cash.short", money(order.totalMinor() - handed.getAsLong())));
        } else {
            change.set(frame.messages().get("payment.cash.change", money(due.getAsLong())));
        }
        canPayCash.set(ready && cashAccepted() && method.get() == PaymentMethod.CASH && due.isPresent());
        canPayCard.set(ready && cards.takesCards() && method.get() == PaymentMethod.CARD);
    }

    private String money(long minor) {
        return Money.format(minor, order.currency(), frame.messages().locale());
    }

    public ReadOnlyObjectProperty<PaymentMethod> methodProperty() {
        return method.getReadOnlyProperty();
    }

    /** The order's total ("€22.00"). */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return frame.headingProperty();
    }

    /** "Change: €3.00", or how much is still missing, as the clerk types the tendered amount. */
    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** What is happening ("Follow the card terminal…"); empty when nothing is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The server's word on a payment that did not go through; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty payingProperty() {
        return paying.getReadOnlyProperty();
    }

    /** True once the hold was lost: the sale is over and only starting over is left. */
    public ReadOnlyBooleanProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPayCashProperty() {
        return canPayCash.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPayCardProperty() {
        return canPayCard.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<QuickAmount>> quickAmountsProperty() {
        return quickAmounts.getReadOnlyProperty();
    }

    /** The cash handed over, as the clerk types it: the view binds its field to it. */
    public StringProperty tenderedProperty() {
        return tendered;
    }

    /** The simulated card's answer chosen on a demo terminal: the view binds its selector to it. */
    public ObjectProperty<String> cardTokenProperty() {
        return cardToken;
    }

    public List<String> cardTokens() {
        return SimulatedCardTerminal.TOKENS;
    }

    public boolean cardChoiceOffered() {
        return cards == CardReader.SIMULATED_WITH_CHOICE;
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
}
