package org.marquee.model;

import java.time.Instant;

/**
 * A clerk's cash shift on one counter terminal (DESIGN §7.3): the float it opened with, the cash sales and refunds
 * counted into it, and what the drawer should hold ({@code expectedCashMinor} = float + sales − refunds). A closed
 * shift adds the counted amount and the variance (counted − expected; negative when cash is missing).
 */
public record CashShift(
        long shiftId,
        long staffId,
        String username,
        long terminalId,
        String terminalName,
        Instant openedAt,
        long floatMinor,
        long cashSalesMinor,
        long cashRefundsMinor,
        long expectedCashMinor,
        Instant closedAt,
        Long countedCashMinor,
        Long varianceMinor) {}
