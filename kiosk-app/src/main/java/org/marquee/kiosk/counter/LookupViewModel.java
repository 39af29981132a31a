package org.marquee.kiosk.counter;

import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.OrderDesk;
import org.marquee.kiosk.client.RefundApproval;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;

/**
 * The counter's order lookup: find an order by its booking code, then reprint its tickets, cancel it while unpaid
 * (after a confirmation), or refund it once paid with a manager's approval. Every refusal shows the server's words.
 * Reprints go through the Done screen's {@link TicketOutput}: the same printer, or the same folder, as a sale.
 */
public final class LookupViewModel {

    /** What the screen asks of the clerk right now. */
    public enum Step {
        /** Type a code, see the order, pick an action. */
        SEARCH,
        /** Confirm that the unpaid order shown is to be cancelled. */
        CONFIRM_CANCEL,
        /** A manager types username and PIN to approve the refund. */
        MANAGER_APPROVAL
    }

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6}");

    private final OrderDesk client;
    private final RefundApproval approval;
    private final TicketOutput printer;
    private final ShowtimeNames showtimes;
    private final Tasks tasks;
    private final Navigator navigator;
    private final Messages messages;

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty managerUsername = new SimpleStringProperty("");
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<OrderView> order = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OrderSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.SEARCH);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding canFind;
    private final BooleanBinding canReprint;
    private final BooleanBinding canCancel;
    private final BooleanBinding canRefund;
    private final BooleanBinding canApprove;

    public LookupViewModel(
            OrderDesk client,
            RefundApproval approval,
            TicketOutput printer,
            ShowtimeNames showtimes,
            Tasks tasks,
            Navigator navigator,
            Messages messages) {
        this.client = client;
        this.approval = approval;
        this.printer = printer;
        this.showtimes = showtimes;
        this.tasks = tasks;
        this.navigator = navigator;
        this.messages = messages;
        this.canFind = Bindings.createBooleanBinding(
                () -> !working.get()
                        && step.get() == Step.SEARCH
                        && CODE.matcher(normalized()).matches(),
                working,
                step,
                code);
        this.canReprint = whenShown(OrderStatus.PAID);
        this.canCancel = whenShown(OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED);
        this.canRefund = whenShown(OrderStatus.PAID);
        this.canApprove = Bindings.createBooleanBinding(
                () -> !working.get()
                        && step.get() == Step.MANAGER_APPROVAL
                        && !managerUsername.get().isBlank()
                        && LoginViewModel.PIN.matcher(managerPin.get()).matches(),
                working,
                step,
                managerUsername,
                managerPin);
        prompt.set(messages.get("lookup.empty"));
    }

    private BooleanBinding whenShown(OrderStatus... statuses) {
        return Bindings.createBooleanBinding(
                () -> {
                    OrderView shown = order.get();
                    if (working.get() || step.get() != Step.SEARCH || shown == null) {
                        return false;
                    }
                    for (OrderStatus status : statuses) {
                        if (shown.status() == status) {
                            return true;
                        }
                    }
                    return false;
                },
                working,
                step,
                order);
    }

    /** Looks up the order with the typed booking code, in any letter case. */
    public void find() {
        String typed = normalized();
        if (!CODE.matcher(typed).matches()) {
            error.set(messages.get("lookup.error.code"));
            return;
        }
        begin();
        tasks.run(() -> found(client.findOrder(typed, null)), found -> show(found, ""), problem -> {
            fail(problem);
            if (problem.code() == ErrorCode.NOT_FOUND) { // a mistyped code: say which, in the terminal's language
                error.set(messages.get("lookup.error.notFound", typed));
            }
        });
    }

    /** Prints the paid order's tickets again, or saves them when there is no printer. */
    public void reprint() {
        OrderView shown = order.get();
        if (!canReprint.get()) {
            return;
        }
        begin();
        tasks.run(() -> printer.print(shown.code(), client.ticketsPdf(shown.orderId())), this::printed, this::fail);
    }

    /** Asks to confirm cancelling the unpaid order shown. */
    public void requestCancel() {
        if (canCancel.get()) {
            clearMessages();
            step.set(Step.CONFIRM_CANCEL);
        }
    }

    /** Cancels the unpaid order shown: its seats are free again. */
    public void confirmCancel() {
        OrderView shown = order.get();
        if (step.get() != Step.CONFIRM_CANCEL || shown == null || working.get()) {
            return;
        }
        begin();
        tasks.run(
                () -> refreshed(client.cancel(shown.orderId())),
                cancelled -> show(
                        cancelled,
                        messages.get(
                                "lookup.result.cancelled", cancelled.order().code())),
                this::fail);
    }

    /** Asks a manager to approve refunding the paid order shown. */
    public void requestRefund() {
        if (canRefund.get()) {
            clearMessages();
            managerUsername.set("");
            managerPin.set("");
            step.set(Step.MANAGER_APPROVAL);
        }
    }

    /**
     * Refunds the order shown with the manager's username and PIN, on a session of its own; the clerk stays signed
     * in. The PIN is cleared at once; a refusal keeps the approval open for another try.
     */
    public void approveRefund() {
        OrderView shown = order.get();
        String user = managerUsername.get().strip();
        String pin = managerPin.get();
        managerPin.set("");
        if (step.get() != Step.MANAGER_APPROVAL || shown == null || working.get()) {
            return;
        }
        if (user.isEmpty() || !LoginViewModel.PIN.matcher(pin).matches()) {
            error.set(messages.get("lookup.error.manager"));
            return;
        }
        working.set(true);
        clearMessages();
        tasks.run(
                () -> refreshed(approval.refund(user, pin, shown.orderId())),
                refunded -> {
                    managerUsername.set("");
                    OrderView order = refunded.order();
                    show(
                            refunded,
                            messages.get(
                                    OrderSummary.refundOwed(order)
                                            ? "lookup.result.refundFailed"
                                            : "lookup.result.refunded",
                                    order.code(),
                                    OrderSummary.money(order.totalMinor(), order.currency(), messages.locale())));
                },
                problem -> {
                    error.set(describe(problem));
                    working.set(false);
                });
    }

    /** Leaves a confirmation or the manager's approval without doing anything (Escape). */
    public void back() {
        if (working.get()) {
            return;
        }
        managerUsername.set("");
        managerPin.set("");
        clearMessages();
        step.set(Step.SEARCH);
    }

    /** Leaves the lookup for the showtimes, to sell. */
    public void newSale() {
        navigator.go(Screen.SHOWTIMES);
    }

    /** An order with its words for the screen, made off the FX thread (naming the showtime reads the cache). */
    private record Found(OrderView order, OrderSummary summary) {}

    private Found found(OrderView order) {
        String showtime;
        try {
            showtime = showtimes.describe(order.showtimeId()).orElse(null);
        } catch (RuntimeException e) {
            showtime = null; // the number will do
        }
        return new Found(order, OrderSummary.of(order, messages, showtime));
    }

    /** The order as the clerk's own session now sees it, or the action's answer if that read fails. */
    private Found refreshed(OrderView answer) {
        try {
            return found(client.findOrder(answer.orderId().toString(), null));
        } catch (ApiProblem problem) {
            return found(answer);
        }
    }

    private void begin() {
        working.set(true);
        clearMessages();
    }

    /** Shows an answer; "working" ends last, so whoever waits for it sees the whole answer. */
    private void show(Found found, String result) {
        order.set(found.order());
        summary.set(found.summary());
        step.set(Step.SEARCH);
        info.set(result);
        prompt.set("");
        working.set(false);
    }

    private void printed(TicketOutput.Result result) {
        switch (result) {
            case TicketOutput.Result.Printed printed ->
                info.set(messages.get("lookup.result.printed", printed.printer()));
            case TicketOutput.Result.Saved saved -> info.set(messages.get("lookup.result.saved", saved.file()));
            case TicketOutput.Result.Failed failed -> error.set(messages.get("lookup.result.failed", failed.reason()));
        }
        working.set(false);
    }

    private void fail(ApiProblem problem) {
        step.set(Step.SEARCH);
        error.set(describe(problem));
        working.set(false);
    }

    private String describe(ApiProblem problem) {
        return problem.offline() ? messages.get("counter.offline") : ProblemTexts.of(problem, messages);
    }

    private void clearMessages() {
        error.set("");
        info.set("");
    }

    private String normalized() {
        return code.get() == null ? "" : code.get().strip().toUpperCase(Locale.ROOT);
    }

    /** The booking code typed; bound both ways to the field. */
    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty managerUsernameProperty() {
        return managerUsername;
    }

    /** The manager's PIN, cleared after every try. */
    public StringProperty managerPinProperty() {
        return managerPin;
    }

    /** The order found, as the server sent it; null before the first lookup. */
    public ReadOnlyObjectProperty<OrderView> orderProperty() {
        return order.getReadOnlyProperty();
    }

    /** The order found, in words for the screen. */
    public ReadOnlyObjectProperty<OrderSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Why the last action failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last action did ("Order K7QXMR is cancelled…"); empty when nothing to say. */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** A hint while no order is shown. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public BooleanBinding canFindProperty() {
        return canFind;
    }

    public BooleanBinding canReprintProperty() {
        return canReprint;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canRefundProperty() {
        return canRefund;
    }

    public BooleanBinding canApproveProperty() {
        return canApprove;
    }

    /** The question of the cancel confirmation, naming the order and its seats. */
    public String cancelQuestion() {
        OrderView shown = order.get();
        return shown == null ? "" : messages.get("lookup.confirmCancel", shown.code(), OrderSummary.seats(shown));
    }

    /** The title of the manager's approval, naming the amount. */
    public String refundQuestion() {
        OrderView shown = order.get();
        return shown == null
                ? ""
                : messages.get(
                        "lookup.manager.title",
                        OrderSummary.money(shown.totalMinor(), shown.currency(), messages.locale()));
    }
}
