package org.marquee.kiosk.checkout;

import java.time.Clock;
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
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.HoldTimer;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.ShowtimeText;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
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
    private final Tasks tasks;
    private final Connectivity connectivity;
    private final Navigator navigator;
    private final SaleSession sale;
    private final Messages messages;
    private final Mode mode;
    private final boolean cardChoiceOffered;
    private final Clock clock;
    private final HoldTimer timer;

    private final ReadOnlyObjectWrapper<PaymentMethod> method = new ReadOnlyObjectWrapper<>(PaymentMethod.CARD);
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
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
     * @param connectivity refuses the payment while the terminal is offline
     * @param cardChoiceOffered whether the simulated terminal lets the person pick the card's answer (demo terminals:
     *     {@link SimulatedCardTerminal#choiceOffered})
     * @param clock counts the hold down, in the theater's time zone (the showtime's time is shown in it)
     */
    public PaymentViewModel(
            Payments payments,
            Orders orders,
            Tasks tasks,
            Connectivity connectivity,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            boolean cardChoiceOffered,
            Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.tasks = tasks;
        this.connectivity = connectivity;
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.mode = mode;
        this.cardChoiceOffered = cardChoiceOffered;
        this.clock = clock;
        this.timer = new HoldTimer(clock);
        method.set(cashAccepted() ? PaymentMethod.CASH : PaymentMethod.CARD);
        tendered.addListener((obs, old, typed) -> update());
        cardToken.addListener((obs, old, token) -> update());
    }

    /** Shows the sale's order and its hold's countdown. Call once when the screen is shown. */
    public void start() {
        order = sale.orderProperty().get();
        heading.set(ShowtimeText.describe(sale.showtimeProperty().get(), messages, clock.getZone()));
        timer.follow(sale.countdown(clock));
        if (order == null) {
            error.set(messages.get("payment.noOrder"));
        } else {
            total.set(money(order.totalMinor()));
            quickAmounts.set(
                    CashTender.quickAmounts(order.totalMinor(), Money.fractionDigits(order.currency())).stream()
                            .map(minor -> new QuickAmount(
                                    minor == order.totalMinor() ? messages.get("payment.cash.exact") : money(minor),
                                    minor))
                            .toList());
        }
        update();
    }

    /** The methods this terminal takes: card only on a kiosk, cash and card at a counter. */
    public List<PaymentMethod> methods() {
        return cashAccepted() ? List.of(PaymentMethod.CASH, PaymentMethod.CARD) : List.of(PaymentMethod.CARD);
    }

    public boolean cashAccepted() {
        return mode != Mode.KIOSK;
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
            tendered.set(Money.plain(minor, order.currency(), messages.locale()));
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
        String token = cardChoiceOffered && cardToken.get() != null ? cardToken.get() : SimulatedCardTerminal.APPROVE;
        status.set(messages.get("payment.card.waiting"));
        pay(new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), token, null));
    }

    /** Back to the ticket types; the seats stay held. */
    public void back() {
        if (!paying.get()) {
            navigator.go(Screen.TICKETS);
        }
    }

    /** After the hold was lost: back to the showtimes for a new sale. */
    public void startOver() {
        sale.startOver();
        navigator.go(Screen.SHOWTIMES);
    }

    /** Moves the countdown on; the view calls it every second. */
    public void tick() {
        timer.tick();
    }

    private void pay(PaymentRequest request) {
        UUID orderId = order.orderId();
        paying.set(true);
        error.set("");
        if (request.method() == PaymentMethod.CASH) {
            status.set(messages.get("payment.cash.recording"));
        }
        update();
        tasks.run(
                () -> {
                    connectivity.requireOnline();
                    return payments.pay(orderId, request);
                },
                this::paid,
                this::refused);
    }

    private void paid(PaymentResult result) {
        paying.set(false);
        status.set("");
        if (!"PAID".equals(result.status())) {
            error.set(messages.get("payment.pending"));
            update();
            return;
        }
        sale.paid(result);
        update();
        navigator.go(Screen.DONE);
    }

    private void refused(ApiProblem problem) {
        if (problem.offline() || problem.code() == ErrorCode.CONFLICT) {
            // the answer may have been lost on its way back, or an earlier try went through after all: if the
            // server has the order paid, the sale is done and paying again would be refused anyway
            UUID orderId = order.orderId();
            tasks.run(
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
        error.set(problem.getMessage());
        if (problem.code() == ErrorCode.HOLD_EXPIRED || problem.code() == ErrorCode.HOLD_NOT_ACTIVE) {
            // the seats are gone and the server refunded any charge: this sale is over
            lost.set(true);
            timer.follow(null);
            sale.forget();
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
            change.set(messages.get("payment.cash.short", money(order.totalMinor() - handed.getAsLong())));
        } else {
            change.set(messages.get("payment.cash.change", money(due.getAsLong())));
        }
        canPayCash.set(ready && cashAccepted() && method.get() == PaymentMethod.CASH && due.isPresent());
        canPayCard.set(ready && method.get() == PaymentMethod.CARD);
    }

    private String money(long minor) {
        return Money.format(minor, order.currency(), messages.locale());
    }

    public ReadOnlyObjectProperty<PaymentMethod> methodProperty() {
        return method.getReadOnlyProperty();
    }

    /** The order's total ("€22.00"). */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
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
        return cardChoiceOffered;
    }

    public HoldTimer timer() {
        return timer;
    }

    public Mode mode() {
        return mode;
    }
}
