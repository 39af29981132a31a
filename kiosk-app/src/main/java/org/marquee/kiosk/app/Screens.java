package org.marquee.kiosk.app;

import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import org.marquee.kiosk.cache.DoorCache;
import org.marquee.kiosk.checkout.CardReader;
import org.marquee.kiosk.checkout.CheckoutFrame;
import org.marquee.kiosk.checkout.PaymentView;
import org.marquee.kiosk.checkout.PaymentViewModel;
import org.marquee.kiosk.checkout.TicketsView;
import org.marquee.kiosk.checkout.TicketsViewModel;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.client.MarqueeScheduleClient;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.client.ServerCheck;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.counter.LoginView;
import org.marquee.kiosk.counter.LoginViewModel;
import org.marquee.kiosk.counter.LookupView;
import org.marquee.kiosk.counter.LookupViewModel;
import org.marquee.kiosk.counter.ManagerApproval;
import org.marquee.kiosk.counter.ShowtimeNames;
import org.marquee.kiosk.done.DoneView;
import org.marquee.kiosk.done.DoneViewModel;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.layouteditor.LayoutEditorView;
import org.marquee.kiosk.layouteditor.LayoutEditorViewModel;
import org.marquee.kiosk.pickup.PickupView;
import org.marquee.kiosk.pickup.PickupViewModel;
import org.marquee.kiosk.scanner.ScannerView;
import org.marquee.kiosk.scanner.ScannerViewModel;
import org.marquee.kiosk.scanner.ToneAlarm;
import org.marquee.kiosk.schedule.ScheduleView;
import org.marquee.kiosk.schedule.ScheduleViewModel;
import org.marquee.kiosk.seatdrawing.SeatPalette;
import org.marquee.kiosk.seatmap.BestSeatsViewModel;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.seatmap.SeatMapViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.TerminalIdentity;
import org.marquee.kiosk.setup.SetupView;
import org.marquee.kiosk.setup.SetupViewModel;
import org.marquee.kiosk.shifts.ShiftView;
import org.marquee.kiosk.shifts.ShiftViewModel;
import org.marquee.kiosk.showtimes.CachedShowtimeSource;
import org.marquee.kiosk.showtimes.FallbackShowtimeSource;
import org.marquee.kiosk.showtimes.ServerShowtimeSource;
import org.marquee.kiosk.showtimes.ShowtimeSource;
import org.marquee.kiosk.showtimes.ShowtimesView;

/**
 * The wiring of every {@link Screen}: its view-model gets what it needs from the {@link AppContext} (the ports the
 * client implements, the sale session, navigation, texts), and its view binds to it. Called each time the screen is
 * entered (a new view and view-model per visit; state that outlives a screen belongs to the sale session or the
 * context). A view that is {@link AutoCloseable} is closed when its screen is left, to stop its timers and live
 * connections.
 */
final class Screens {

    private Screens() {}

    /** A new view of {@code screen}, with its view-model, for a visit. */
    static Parent create(Screen screen, AppContext ctx) {
        return switch (screen) {
            case SETUP -> setup(ctx);
            case LOGIN -> login(ctx);
            case LOOKUP -> lookup(ctx);
            case PICKUP -> pickup(ctx);
            case SHIFT -> shift(ctx);
            case SCANNER -> scanner(ctx);
            case SHOWTIMES -> showtimes(ctx);
            case SEAT_MAP -> seatMap(ctx);
            case TICKETS -> tickets(ctx);
            case PAYMENT -> payment(ctx);
            case DONE -> done(ctx);
            case LAYOUT_EDITOR -> AdminScreens.shell(screen, ctx, layoutEditor(ctx));
            case SCHEDULE -> AdminScreens.shell(screen, ctx, schedule(ctx));
            case ADMIN_THEATERS,
                    ADMIN_MOVIES,
                    ADMIN_PRICES,
                    ADMIN_TERMINALS,
                    ADMIN_STAFF,
                    ADMIN_HOLDS,
                    ADMIN_REPORTS,
                    ADMIN_AUDIT -> AdminScreens.create(screen, ctx);
            case ADMIN_CASH, ADMIN_REFUNDS -> AdminScreens.create(screen, ctx);
        };
    }

    private static Parent setup(AppContext ctx) {
        SetupViewModel model = new SetupViewModel(
                ctx.settings(),
                ServerCheck.overHttp(SetupViewModel.CHECK_TIMEOUT),
                ctx.tasks(),
                ctx.messages(),
                ctx.settingsStore(),
                settings -> {
                    ctx.configure(settings);
                    ctx.navigator().go(ctx.startScreen());
                });
        return new SetupView(model, ctx.messages());
    }

    /** The door scanner (DESIGN §9): its own H2 store, opened for the screen's visit and closed with it. */
    private static Parent scanner(AppContext ctx) {
        DoorCache doorCache = DoorCache.open(ctx.dataDir());
        java.time.ZoneId zone = TheaterClock.of(ctx).getZone();
        TerminalIdentity identity = ctx.identityProperty().get();
        ScannerViewModel model = new ScannerViewModel(
                ctx.client(),
                doorCache,
                ctx.tasks(),
                new ToneAlarm(),
                java.time.Clock.systemUTC(),
                zone,
                ctx.homeTheaterId() == null ? 1 : ctx.homeTheaterId(),
                identity == null ? "this door" : identity.name(),
                ctx.messages());
        model.start();
        return new ScannerView(model, ctx.messages(), zone, doorCache);
    }

    private static Parent login(AppContext ctx) {
        Messages messages = ctx.messages();
        return new LoginView(new LoginViewModel(ctx.counterSession(), ctx.tasks(), messages), messages);
    }

    /** The clerk's cash shift: open it with a float, or close it with the counted cash. */
    private static Parent shift(AppContext ctx) {
        CounterSession session = ctx.counterSession();
        ShiftViewModel model = new ShiftViewModel(
                ctx.clerkShift(),
                ctx.navigator(),
                session.home(),
                session::signOut,
                ctx.messages(),
                TheaterClock.of(ctx).getZone());
        ShiftView view = new ShiftView(model, ctx.messages());
        model.start();
        return view;
    }

    private static Parent lookup(AppContext ctx) {
        Messages messages = ctx.messages();
        LookupViewModel model = new LookupViewModel(
                ctx.client(),
                new ManagerApproval(() -> new MarqueeClient(
                        ctx.settings().serverUrl(), ctx.settings().terminalToken())),
                TicketOutput.standard(ctx.dataDir()),
                ShowtimeNames.from(ctx.cache(), messages),
                ctx.tasks(),
                ctx.navigator(),
                messages);
        return new LookupView(model, messages);
    }

    /** A customer's tickets again, by booking code and e-mail (issue 15); printed as a sale's are. */
    private static Parent pickup(AppContext ctx) {
        Messages messages = ctx.messages();
        MarqueeClient client = ctx.client(); // none before the terminal is set up: a lookup then fails as offline
        PickupViewModel model = new PickupViewModel(
                client == null ? null : client.pickup(),
                TicketOutput.standard(ctx.dataDir()),
                ShowtimeNames.from(ctx.cache(), messages)::describe,
                ctx.tasks(),
                ctx.navigator(),
                messages,
                java.time.Clock.systemUTC());
        return new PickupView(model, messages, ctx.mode());
    }

    private static Parent showtimes(AppContext ctx) {
        ShowtimeSource source = new FallbackShowtimeSource(
                new ServerShowtimeSource(ctx.client()),
                new CachedShowtimeSource(ctx.cache()),
                ctx.connectivity()::isOnline,
                ctx.connectivity()::reportFailure);
        ShowtimesView view = ShowtimesView.create(
                source, ctx.tasks(), ctx.navigator(), ctx.sale(), ctx.messages(), ctx.mode(), ctx.homeTheaterId());
        // offline: the cached showtimes with free seats unknown; back online: the server's live counts again
        view.refreshWhen(ctx.catalogRevisionProperty(), ctx.connectivity().onlineProperty());
        return view;
    }

    private static Parent seatMap(AppContext ctx) {
        var client = ctx.client();
        var model = new SeatMapViewModel(
                client,
                (id, listener) -> SeatFeed.open(client, id, listener),
                ctx.tasks(),
                ctx.navigator(),
                ctx.sale(),
                ctx.messages(),
                ctx.mode(),
                TheaterClock.of(ctx));
        // a kiosk asks how many tickets and holds the best seats at once (decision 0025); a counter picks on the map
        BestSeatsViewModel best =
                ctx.mode() == Mode.KIOSK ? new BestSeatsViewModel(model, ctx.sale(), ctx.messages()) : null;
        SeatMapView view = new SeatMapView(model, best, ctx.navigator(), ctx.mode(), ctx.messages());
        view.reconnectWhen(ctx.connectivity().onlineProperty());
        view.paletteProperty()
                .bind(Bindings.createObjectBinding(
                        () -> ctx.settings().highContrast() ? SeatPalette.highContrast() : SeatPalette.regular(),
                        ctx.settingsProperty()));
        return view;
    }

    private static Parent tickets(AppContext ctx) {
        TicketsViewModel model = new TicketsViewModel(ctx.client(), checkout(ctx));
        TicketsView view = new TicketsView(model, ctx.messages());
        model.start();
        return view;
    }

    private static Parent payment(AppContext ctx) {
        PaymentViewModel model = new PaymentViewModel(
                ctx.client(),
                ctx.client(),
                checkout(ctx),
                CardReader.of(ctx.identityProperty().get(), ctx.settings().terminalToken()));
        PaymentView view = new PaymentView(model, ctx.messages());
        model.start();
        return view;
    }

    /** What the tickets and the payment screens share. */
    private static CheckoutFrame checkout(AppContext ctx) {
        return new CheckoutFrame(
                ctx.tasks(),
                ctx.connectivity(),
                ctx.navigator(),
                ctx.sale(),
                ctx.messages(),
                ctx.mode(),
                TheaterClock.of(ctx));
    }

    private static Parent done(AppContext ctx) {
        DoneViewModel model = new DoneViewModel(
                ctx.client(),
                ctx.tasks(),
                ctx.navigator(),
                ctx.sale(),
                ctx.messages(),
                ctx.mode(),
                TicketOutput.standard(ctx.dataDir()),
                TheaterClock.of(ctx).getZone(),
                ctx.settings().printsAfterPayment());
        DoneView view = new DoneView(model, ctx.messages());
        model.start();
        return view;
    }

    /** Admin: the layouts of the terminal's theater, as the signed-in manager (the client carries the session). */
    private static Parent layoutEditor(AppContext ctx) {
        LayoutEditorViewModel model = new LayoutEditorViewModel(
                new MarqueeScheduleClient(ctx.client()), ctx.tasks(), ctx.messages(), adminTheater(ctx));
        LayoutEditorView view = new LayoutEditorView(model, ctx.messages());
        view.paletteProperty()
                .bind(Bindings.createObjectBinding(
                        () -> ctx.settings().highContrast() ? SeatPalette.highContrast() : SeatPalette.regular(),
                        ctx.settingsProperty()));
        model.load();
        return view;
    }

    private static Parent schedule(AppContext ctx) {
        MarqueeScheduleClient admin = new MarqueeScheduleClient(ctx.client());
        ScheduleViewModel model = new ScheduleViewModel(
                admin, admin, ctx.tasks(), ctx.messages(), adminTheater(ctx), java.time.Clock.systemDefaultZone());
        ScheduleView view = new ScheduleView(model, ctx.messages());
        model.load();
        return view;
    }

    /** The theater an admin screen manages: the terminal's own. */
    private static long adminTheater(AppContext ctx) {
        Long theaterId = ctx.homeTheaterId();
        return theaterId == null ? 0 : theaterId;
    }
}
