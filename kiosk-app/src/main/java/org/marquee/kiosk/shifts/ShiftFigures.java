package org.marquee.kiosk.shifts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;

/**
 * A shift's figures as the clerk reads them: when it opened, the float, cash sales and refunds, what the drawer should
 * hold, and once counted, the count and the variance in words ("2.50 short", "Balanced").
 */
public record ShiftFigures(
        String openedAt,
        String floatAmount,
        String cashSales,
        String cashRefunds,
        String expected,
        String counted,
        String variance,
        Balance balance) {

    /** How a counted drawer came out; {@link #NOT_COUNTED} while the shift is open. */
    public enum Balance {
        NOT_COUNTED,
        BALANCED,
        SHORT,
        OVER
    }

    static final ShiftFigures NONE = new ShiftFigures("", "", "", "", "", "", "", Balance.NOT_COUNTED);

    static ShiftFigures of(CashShift shift, Messages messages, ZoneId zone) {
        if (shift == null) {
            return NONE;
        }
        var locale = messages.locale();
        Long variance = shift.varianceMinor();
        Balance balance = variance == null
                ? Balance.NOT_COUNTED
                : variance == 0 ? Balance.BALANCED : variance < 0 ? Balance.SHORT : Balance.OVER;
        return new ShiftFigures(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(shift.openedAt()),
                DrawerCash.format(shift.floatMinor(), locale),
                DrawerCash.format(shift.cashSalesMinor(), locale),
                DrawerCash.format(shift.cashRefundsMinor(), locale),
                DrawerCash.format(shift.expectedCashMinor(), locale),
                shift.countedCashMinor() == null ? "" : DrawerCash.format(shift.countedCashMinor(), locale),
                DrawerCash.variance(variance, messages),
                balance);
    }
}
