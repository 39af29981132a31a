package org.marquee.kiosk.client;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.CashShift;

/** {@code GET /admin/reports/cash} (DESIGN §7.4): a theater's shifts of a business day. MANAGER. Blocking. */
public interface CashReport {

    /** The shifts opened on {@code date} (the theater's business day) at the theater's terminals, oldest first. */
    List<CashShift> cashShifts(long theaterId, LocalDate date);
}
