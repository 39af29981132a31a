package org.marquee.kiosk.app;

import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.Parent;
import org.marquee.kiosk.adminrefunds.FailedRefundsView;
import org.marquee.kiosk.adminrefunds.FailedRefundsViewModel;
import org.marquee.kiosk.adminshifts.CashShiftsView;
import org.marquee.kiosk.adminshifts.CashShiftsViewModel;
import org.marquee.kiosk.client.MarqueeCashClient;
import org.marquee.kiosk.core.Screen;

/**
 * The wiring of the managers' cash screens (cash shifts, failed refunds) for {@link AdminScreens}, which frames them in
 * the admin shell: both speak through the cash client on the application's connection, for the terminal's theater.
 */
final class CashScreens {

    private CashScreens() {}

    static Parent create(Screen screen, AppContext ctx) {
        MarqueeCashClient cash = new MarqueeCashClient(ctx.client());
        Long theaterId = ctx.homeTheaterId();
        ZoneId zone = zoneOf(ctx, theaterId);
        return switch (screen) {
            case ADMIN_CASH ->
                new CashShiftsView(
                        new CashShiftsViewModel(
                                cash,
                                ctx.tasks(),
                                ctx.messages(),
                                theaterId == null ? 0 : theaterId,
                                LocalDate.now(zone),
                                zone),
                        ctx.messages());
            case ADMIN_REFUNDS ->
                new FailedRefundsView(
                        new FailedRefundsViewModel(cash, ctx.tasks(), ctx.messages(), theaterId, zone), ctx.messages());
            default -> throw new IllegalArgumentException(screen + " is not a cash screen");
        };
    }

    /** The theater's own time zone (its business day), from the cached catalog; the terminal's when unknown. */
    private static ZoneId zoneOf(AppContext ctx, Long theaterId) {
        if (theaterId == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ctx.cache()
                    .theater(theaterId)
                    .map(theater -> ZoneId.of(theater.timeZone()))
                    .orElse(ZoneId.systemDefault());
        } catch (java.time.DateTimeException | NullPointerException e) {
            return ZoneId.systemDefault();
        }
    }
}
