package org.marquee.kiosk.client;

import java.util.Optional;
import org.marquee.model.CashShift;

/**
 * The signed-in clerk's cash shift on this terminal (DESIGN §7.3), as whoever is signed in on the connection. Amounts
 * in minor units. Blocking: call off the FX thread.
 */
public interface CashShifts {

    /** {@code POST /shifts}: opens a shift with the float in the drawer; 409 when one is open already. */
    CashShift openShift(long floatMinor);

    /** {@code GET /shifts/current}: the open shift with its running totals, or empty when none is open (404). */
    Optional<CashShift> currentShift();

    /** {@code POST /shifts/current/close}: the closed shift with its variance; 404 when none is open. */
    CashShift closeShift(long countedCashMinor);
}
