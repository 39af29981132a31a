package org.marquee.kiosk.adminshifts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;

/**
 * One shift of the day as the cash report's table shows it; {@code off} when it was counted and did not balance, so
 * that the row stands out.
 */
public record ShiftRow(
        long shiftId,
        String clerk,
        String terminal,
        String opened,
        String closed,
        String floatAmount,
        String expected,
        String counted,
        String variance,
        boolean off) {

    static ShiftRow of(CashShift shift, Messages messages, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(messages.locale())
                .withZone(zone);
        var locale = messages.locale();
        return new ShiftRow(
                shift.shiftId(),
                shift.username(),
                shift.terminalName(),
                time.format(shift.openedAt()),
                shift.closedAt() == null ? messages.get("admin.cash.stillOpen") : time.format(shift.closedAt()),
                DrawerCash.format(shift.floatMinor(), locale),
                DrawerCash.format(shift.expectedCashMinor(), locale),
                shift.countedCashMinor() == null ? "" : DrawerCash.format(shift.countedCashMinor(), locale),
                DrawerCash.variance(shift.varianceMinor(), messages),
                shift.varianceMinor() != null && shift.varianceMinor() != 0);
    }
}
