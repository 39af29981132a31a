package org.marquee.kiosk.app;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminaudit.AuditView;
import org.marquee.kiosk.adminaudit.AuditViewModel;
import org.marquee.kiosk.adminholds.HoldsView;
import org.marquee.kiosk.adminholds.HoldsViewModel;
import org.marquee.kiosk.adminmovies.MoviesView;
import org.marquee.kiosk.adminmovies.MoviesViewModel;
import org.marquee.kiosk.adminprices.PricePlansView;
import org.marquee.kiosk.adminprices.PricePlansViewModel;
import org.marquee.kiosk.adminreports.ReportsView;
import org.marquee.kiosk.adminreports.ReportsViewModel;
import org.marquee.kiosk.adminstaff.StaffView;
import org.marquee.kiosk.adminstaff.StaffViewModel;
import org.marquee.kiosk.adminterminals.TerminalsView;
import org.marquee.kiosk.adminterminals.TerminalsViewModel;
import org.marquee.kiosk.admintheaters.TheatersView;
import org.marquee.kiosk.admintheaters.TheatersViewModel;
import org.marquee.kiosk.client.MarqueeAdminClient;
import org.marquee.kiosk.client.MarqueeDayClient;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.i18n.Messages;

/**
 * The wiring of the admin screens (mode admin): each is built with the admin API of the application's connection, on
 * which the manager is signed in, and shown inside the {@link AdminShell} with its navigation.
 */
final class AdminScreens {

    /** The admin shell's navigation, in order; a new admin screen adds its {@link Screen} here and a case below. */
    static final List<Screen> SECTIONS = List.of(
            Screen.ADMIN_THEATERS,
            Screen.LAYOUT_EDITOR,
            Screen.ADMIN_MOVIES,
            Screen.SCHEDULE,
            Screen.ADMIN_PRICES,
            Screen.ADMIN_TERMINALS,
            Screen.ADMIN_STAFF,
            Screen.ADMIN_HOLDS,
            Screen.ADMIN_REPORTS,
            Screen.ADMIN_AUDIT,
            Screen.ADMIN_CASH,
            Screen.ADMIN_REFUNDS);

    private AdminScreens() {}

    static Parent create(Screen screen, AppContext ctx) {
        Messages messages = ctx.messages();
        MarqueeAdminClient admin = ctx.client().admin();
        Parent content = switch (screen) {
            case ADMIN_THEATERS -> new TheatersView(new TheatersViewModel(admin, ctx.tasks(), messages), messages);
            case ADMIN_MOVIES -> new MoviesView(new MoviesViewModel(admin, ctx.tasks(), messages), messages);
            case ADMIN_PRICES -> new PricePlansView(new PricePlansViewModel(admin, ctx.tasks(), messages), messages);
            case ADMIN_TERMINALS ->
                new TerminalsView(new TerminalsViewModel(admin, admin, ctx.tasks(), messages), messages);
            case ADMIN_STAFF -> new StaffView(new StaffViewModel(admin, ctx.tasks(), messages), messages);
            case ADMIN_AUDIT -> new AuditView(new AuditViewModel(admin, ctx.tasks(), messages), messages);
            case ADMIN_CASH, ADMIN_REFUNDS -> CashScreens.create(screen, ctx);
            case ADMIN_HOLDS ->
                new HoldsView(
                        new HoldsViewModel(
                                new MarqueeDayClient(ctx.client()), admin, ctx.tasks(), messages, homeClock(ctx)),
                        messages);
            case ADMIN_REPORTS ->
                new ReportsView(
                        new ReportsViewModel(
                                new MarqueeDayClient(ctx.client()),
                                admin,
                                ctx.tasks(),
                                messages,
                                homeClock(ctx),
                                ctx.homeTheaterId()),
                        messages);
            default -> throw new IllegalArgumentException(screen + " is not an admin screen");
        };
        return shell(screen, ctx, content);
    }

    /** The system clock in the time zone of this terminal's theater, as the day's screens count days and times. */
    private static Clock homeClock(AppContext ctx) {
        Long theaterId = ctx.homeTheaterId();
        try {
            if (theaterId != null) {
                return ctx.cache()
                        .theater(theaterId)
                        .map(theater -> Clock.system(ZoneId.of(theater.timeZone())))
                        .orElseGet(Clock::systemDefaultZone);
            }
        } catch (DateTimeException | NullPointerException e) {
            // an unknown zone in the catalog: the terminal's own zone it is
        }
        return Clock.systemDefaultZone();
    }

    /** {@code content}, an admin screen, inside the admin shell with its navigation. */
    static Parent shell(Screen screen, AppContext ctx, Parent content) {
        Messages messages = ctx.messages();
        CounterSession session = ctx.counterSession();
        return new AdminShell(
                SECTIONS,
                screen,
                content,
                ctx.navigator(),
                messages,
                Bindings.createStringBinding(
                        () -> messages.get(
                                "admin.signedInAs",
                                session.displayNameProperty().get()),
                        session.displayNameProperty()),
                session::signOut);
    }
}
