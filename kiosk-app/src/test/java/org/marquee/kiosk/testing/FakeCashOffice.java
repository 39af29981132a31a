package org.marquee.kiosk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.CashReport;
import org.marquee.kiosk.client.CashShifts;
import org.marquee.kiosk.client.FailedRefunds;
import org.marquee.model.CashShift;
import org.marquee.model.ErrorCode;
import org.marquee.model.FailedRefund;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentView;

/**
 * Cash as the server's contract answers it (DESIGN §7.3, §7.4): one clerk's shift on one terminal (409 when opening a
 * second, 404 when closing none, 422 naming the field for an amount out of range, a cash sale opening one with float
 * 0), the day's shifts of theater 1 (days in UTC), and the failed card refunds a manager settles in cash (409 once a
 * retry went through, 404 for one not listed). Every call is counted, so a test can see that nothing was sent.
 */
public final class FakeCashOffice implements CashShifts, CashReport, FailedRefunds {

    private static final long MAX_MINOR = 1_000_000_000L;

    private final Clock clock;
    private final List<CashShift> shifts = new ArrayList<>();
    private final Map<UUID, FailedRefund> failed = new LinkedHashMap<>();
    private final Set<UUID> retriedMeanwhile = new HashSet<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean offline;
    private long nextId = 1;

    public FakeCashOffice(Clock clock) {
        this.clock = clock;
    }

    /** Answers every call as an unreachable server would, or again normally. */
    public void offline(boolean unreachable) {
        this.offline = unreachable;
    }

    /** How many calls were made. */
    public int calls() {
        return calls.get();
    }

    @Override
    public synchronized CashShift openShift(long floatMinor) {
        asked();
        range("floatMinor", floatMinor);
        if (open().isPresent()) {
            throw Refusals.conflict(
                    "CONFLICT", "You already have a shift open on this terminal; close it before opening another.");
        }
        return add(floatMinor);
    }

    @Override
    public synchronized Optional<CashShift> currentShift() {
        asked();
        return open();
    }

    @Override
    public synchronized CashShift closeShift(long countedCashMinor) {
        asked();
        range("countedCashMinor", countedCashMinor);
        CashShift shift = open().orElseThrow(() -> Refusals.refused(
                404,
                ErrorCode.NOT_FOUND,
                "No shift is open for you on this terminal; open one with your float.",
                Map.of()));
        CashShift closed = new CashShift(
                shift.shiftId(),
                shift.staffId(),
                shift.username(),
                shift.terminalId(),
                shift.terminalName(),
                shift.openedAt(),
                shift.floatMinor(),
                shift.cashSalesMinor(),
                shift.cashRefundsMinor(),
                shift.expectedCashMinor(),
                clock.instant(),
                countedCashMinor,
                countedCashMinor - shift.expectedCashMinor());
        shifts.set(shifts.indexOf(shift), closed);
        return closed;
    }

    /** A cash sale at the counter: counted into the open shift, which is opened with float 0 if none is. */
    public synchronized void cashSale(long amountMinor) {
        move(amountMinor, 0);
    }

    /** A cash refund at the counter, counted out of the open shift (opened with float 0 if none is). */
    public synchronized void cashRefund(long amountMinor) {
        move(0, amountMinor);
    }

    /** A shift of another clerk or day, for the report. */
    public synchronized void record(CashShift shift) {
        shifts.add(shift);
    }

    @Override
    public synchronized List<CashShift> cashShifts(long theaterId, LocalDate date) {
        asked();
        if (theaterId != 1) {
            throw Refusals.notFound("Theater " + theaterId);
        }
        return shifts.stream()
                .filter(shift ->
                        shift.openedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(date))
                .toList();
    }

    /** A card refund the provider refused, owed to its customer. */
    public synchronized void refused(FailedRefund refund) {
        failed.put(refund.paymentId(), refund);
    }

    /** The sweeper's retry of this refund went through: paying it in cash is now refused with 409. */
    public synchronized void retrySucceeds(UUID paymentId) {
        retriedMeanwhile.add(paymentId);
    }

    @Override
    public synchronized List<FailedRefund> failedRefunds(Long theaterId) {
        asked();
        return failed.values().stream()
                .filter(refund -> !retriedMeanwhile.contains(refund.paymentId()))
                .toList();
    }

    @Override
    public synchronized PaymentView paidInCash(UUID paymentId) {
        asked();
        FailedRefund refund = failed.get(paymentId);
        if (refund == null) {
            throw Refusals.notFound("Payment " + paymentId);
        }
        if (retriedMeanwhile.contains(paymentId)) {
            throw Refusals.conflict(
                    "CONFLICT", "This payment is no longer REFUND_FAILED: a retry of the card refund went through.");
        }
        failed.remove(paymentId);
        return new PaymentView(
                PaymentMethod.CARD,
                "REFUNDED",
                refund.amountMinor(),
                refund.currency(),
                "sim_" + paymentId,
                refund.cardLast4(),
                null,
                null,
                clock.instant());
    }

    private void asked() {
        calls.incrementAndGet();
        if (offline) {
            throw ApiProblem.unreachable("The box-office server cannot be reached. Check the network and try again.");
        }
    }

    private static void range(String field, long value) {
        if (value < 0 || value > MAX_MINOR) {
            throw Refusals.invalid(field, "'" + field + "' must be from 0 to " + MAX_MINOR + " cents.");
        }
    }

    private Optional<CashShift> open() {
        return shifts.stream()
                .filter(shift -> shift.staffId() == 2 && shift.closedAt() == null)
                .findFirst();
    }

    private CashShift add(long floatMinor) {
        Instant now = clock.instant();
        CashShift shift = new CashShift(
                nextId++, 2, "alice", 1, "Counter 1", now, floatMinor, 0, 0, floatMinor, null, null, null);
        shifts.add(shift);
        return shift;
    }

    private void move(long sale, long refund) {
        CashShift shift = open().orElseGet(() -> add(0));
        long sales = shift.cashSalesMinor() + sale;
        long refunds = shift.cashRefundsMinor() + refund;
        shifts.set(
                shifts.indexOf(shift),
                new CashShift(
                        shift.shiftId(),
                        shift.staffId(),
                        shift.username(),
                        shift.terminalId(),
                        shift.terminalName(),
                        shift.openedAt(),
                        shift.floatMinor(),
                        sales,
                        refunds,
                        shift.floatMinor() + sales - refunds,
                        null,
                        null,
                        null));
    }
}
