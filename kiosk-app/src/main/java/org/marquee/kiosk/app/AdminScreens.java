package org.marquee.kiosk.app;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminaudit.AuditView;
import org.marquee.kiosk.adminaudit.AuditViewModel;
import org.marquee.kiosk.adminmovies.MoviesView;
import org.marquee.kiosk.adminmovies.MoviesViewModel;
import org.marquee.kiosk.adminprices.PricePlansView;
import org.marquee.kiosk.adminprices.PricePlansViewModel;
import org.marquee.kiosk.adminstaff.StaffView;
import org.marquee.kiosk.adminstaff.StaffViewModel;
import org.marquee.kiosk.adminterminals.TerminalsView;
import org.marquee.kiosk.adminterminals.TerminalsViewModel;
import org.marquee.kiosk.admintheaters.TheatersView;
import org.marquee.kiosk.admintheaters.TheatersViewModel;
import org.marquee.kiosk.client.MarqueeAdminClient;
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
            default -> throw new IllegalArgumentException(screen + " is not an admin screen");
        };
        return shell(screen, ctx, content);
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
