package org.marquee.kiosk.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Parent;
import org.marquee.kiosk.checkout.PaymentView;
import org.marquee.kiosk.checkout.TicketsView;
import org.marquee.kiosk.counter.LoginView;
import org.marquee.kiosk.counter.LookupView;
import org.marquee.kiosk.done.DoneView;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.setup.SetupView;
import org.marquee.kiosk.showtimes.ShowtimesView;

/**
 * Which view each {@link Screen} shows: one factory per screen, called each time the screen is entered (a new view
 * and view-model per visit; state that outlives a screen belongs in {@link Sale} or the {@link AppContext}). A
 * screen without an entry shows "not available yet". A view that is {@link AutoCloseable} is closed when its screen
 * is left, to stop its timers and live connections.
 */
public final class Screens {

    private static final Map<Screen, Function<AppContext, Parent>> FACTORIES = new EnumMap<>(Screen.class);

    static {
        FACTORIES.put(Screen.SETUP, SetupView::create);
        // ---- Add one line per screen below, e.g. FACTORIES.put(Screen.SHOWTIMES, ShowtimesView::create); ----
        // ---- (a static method Parent create(AppContext ctx) in the screen's package) ----------------------
        FACTORIES.put(Screen.LOGIN, LoginView::create);
        FACTORIES.put(Screen.LOOKUP, LookupView::create);
        FACTORIES.put(Screen.SHOWTIMES, ShowtimesView::create);
        FACTORIES.put(Screen.SEAT_MAP, SeatMapView::create);
        FACTORIES.put(Screen.TICKETS, TicketsView::create);
        FACTORIES.put(Screen.PAYMENT, PaymentView::create);
        FACTORIES.put(Screen.DONE, DoneView::create);
    }

    private Screens() {}

    /** The factory of {@code screen}'s view, if it has one yet. */
    public static Optional<Function<AppContext, Parent>> factory(Screen screen) {
        return Optional.ofNullable(FACTORIES.get(screen));
    }
}
