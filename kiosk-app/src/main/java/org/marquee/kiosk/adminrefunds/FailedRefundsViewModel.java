package org.marquee.kiosk.adminrefunds;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.FailedRefunds;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.FailedRefund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card refunds the provider refused (DESIGN §7.3), still owed to their customers: the manager pays one out in cash at
 * the counter and says so here, after a confirmation; the refund then leaves the list. When a retry went through
 * meanwhile, the server refuses with 409 and there is nothing to pay out: that is said in words and the list reloaded.
 */
public final class FailedRefundsViewModel {

    private static final Logger log = LoggerFactory.getLogger(FailedRefundsViewModel.class);

    private final FailedRefunds refunds;
    private final Tasks tasks;
    private final Messages messages;
    private final Long theaterId;
    private final DateTimeFormatter when;

    private final ObservableList<FailedRefund> owed = FXCollections.observableArrayList();
    private final ObjectProperty<FailedRefund> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<FailedRefund> confirming = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    /**
     * @param theaterId the theater whose refunds are listed (the terminal's own); null for every theater
     * @param zone the theater's time zone, for showtimes and retry times
     */
    public FailedRefundsViewModel(FailedRefunds refunds, Tasks tasks, Messages messages, Long theaterId, ZoneId zone) {
        this.refunds = refunds;
        this.tasks = tasks;
        this.messages = messages;
        this.theaterId = theaterId;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.locale())
                .withZone(zone);
    }

    /** Loads the refunds still owed. */
    public void load() {
        working.set(true);
        tasks.run(
                () -> refunds.failedRefunds(theaterId),
                list -> {
                    owed.setAll(list);
                    working.set(false);
                },
                problem -> {
                    error.set(describe(problem));
                    working.set(false);
                });
    }

    /** "Paid out in cash…" for the chosen refund: asks to confirm first. */
    public void askPayOut() {
        FailedRefund chosen = selected.get();
        if (chosen == null || working.get()) {
            return;
        }
        notice.set("");
        error.set("");
        confirming.set(chosen);
    }

    /** The confirmation's "No": nothing is recorded. */
    public void cancelPayOut() {
        confirming.set(null);
    }

    /** The confirmation's "Yes": records the cash pay-out; the refund leaves the list. */
    public void confirmPayOut() {
        FailedRefund refund = confirming.get();
        if (refund == null || working.get()) {
            return;
        }
        UUID paymentId = refund.paymentId();
        working.set(true);
        tasks.run(
                () -> refunds.paidInCash(paymentId),
                payment -> {
                    log.info("event=refund_paid_in_cash payment={} order={}", paymentId, refund.orderCode());
                    owed.removeIf(item -> item.paymentId().equals(paymentId));
                    confirming.set(null);
                    notice.set(messages.get("admin.refunds.paidOut", amount(refund), refund.orderCode()));
                    working.set(false);
                },
                problem -> {
                    confirming.set(null);
                    working.set(false);
                    if (problem.status() == 409) {
                        // a retry of the card refund went through meanwhile: the customer has their money
                        owed.removeIf(item -> item.paymentId().equals(paymentId));
                        error.set(messages.get("admin.refunds.retried", refund.orderCode()));
                        load();
                    } else if (problem.status() == 404) {
                        owed.removeIf(item -> item.paymentId().equals(paymentId));
                        error.set(messages.get("admin.refunds.gone", refund.orderCode()));
                        load();
                    } else {
                        error.set(describe(problem));
                    }
                });
    }

    /** The amount owed, as money: "€22.00". */
    public String amount(FailedRefund refund) {
        return Money.format(refund.amountMinor(), refund.currency(), messages.locale());
    }

    /** "Dune: Part Two · 30/11/26 19:00". */
    public String showtime(FailedRefund refund) {
        return refund.movieTitle() + " · " + when.format(refund.startsAt());
    }

    /** "•••• 4242", or empty without a card. */
    public String card(FailedRefund refund) {
        return refund.cardLast4() == null || refund.cardLast4().isBlank() ? "" : "•••• " + refund.cardLast4();
    }

    /** When the sweeper tries again; "not planned" when it will not. */
    public String nextAttempt(FailedRefund refund) {
        return refund.nextAttemptAt() == null
                ? messages.get("admin.refunds.noRetry")
                : when.format(refund.nextAttemptAt());
    }

    /** The confirmation's question for the refund asked about. */
    public String question(FailedRefund refund) {
        return refund == null
                ? ""
                : messages.get("admin.refunds.confirm", amount(refund), refund.orderCode(), card(refund));
    }

    private String describe(ApiProblem problem) {
        return problem.offline() ? messages.get("admin.offline") : problem.getMessage();
    }

    public ObservableList<FailedRefund> refunds() {
        return FXCollections.unmodifiableObservableList(owed);
    }

    /** The refund chosen in the list. */
    public ObjectProperty<FailedRefund> selectedProperty() {
        return selected;
    }

    /** The refund whose cash pay-out waits for a confirmation; null when none does. */
    public ReadOnlyObjectProperty<FailedRefund> confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    /** What was just done, for a person. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last request was refused, for a person. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
