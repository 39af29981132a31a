package org.marquee.server.shifts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.marquee.model.CashShift;

/**
 * Clerks' cash shifts (DESIGN §7.3). A cash sale or cash refund is counted into the open shift of the staff member who
 * took or gave the money, on the terminal they used; with none open, one is opened with a float of 0. The counting
 * calls run in the caller's transaction (the sale's, the refund's), so the drawer and the order never disagree.
 */
public interface CashDrawer {

    /** Opens a shift; empty when the staff member already has one open on this terminal. */
    Optional<CashShift> open(long staffId, long terminalId, long floatMinor);

    /** The staff member's open shift on this terminal, with its running totals. */
    Optional<CashShift> current(long staffId, long terminalId);

    /** Closes the open shift with the counted cash; empty when none is open. */
    Optional<CashShift> close(long staffId, long terminalId, long countedCashMinor);

    /** Counts the order's approved cash payment into the staff member's open shift (opening one if needed). */
    void countSale(long staffId, long terminalId, UUID orderId);

    /** Counts the order's refunded cash payment out of the staff member's open shift (opening one if needed). */
    void countRefund(long staffId, long terminalId, UUID orderId);

    /**
     * Counts a failed card refund that the staff member paid out in cash (DESIGN §7.3) out of their open shift on this
     * terminal (opening one with float 0 if needed), once per payment.
     */
    void countPayout(long staffId, long terminalId, UUID paymentId);

    /** The shifts opened on a business day at the theater's terminals, with float, expected, counted and variance. */
    List<CashShift> day(long theaterId, LocalDate date);
}
