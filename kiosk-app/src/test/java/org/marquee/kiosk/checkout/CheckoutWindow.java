package org.marquee.kiosk.checkout;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.done.DoneView;
import org.marquee.kiosk.done.DoneViewModel;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.marquee.kiosk.seatmap.SeatMapViewModel;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;

/**
 * The checkout screens in a window styled as the application's (base and mode stylesheets), following the navigator
 * as the main window does: a new view and view-model per visit, the old view closed; the seat map too. Other screens
 * show their name only ({@code #screen-showtimes}, say). Build it on the FX thread.
 */
public final class CheckoutWindow {

    private final FakeBoxOffice.Terminal client;
    private final SaleSession sale;
    private final Mode mode;
    private final Path ticketFolder;
    private final Messages messages = CheckoutFixture.english();
    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(Platform::runLater);
    private final Connectivity connectivity;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private Parent shown;
    private CardReader cards = CardReader.SIMULATED_WITH_CHOICE;

    public CheckoutWindow(Stage stage, FakeBoxOffice.Terminal client, SaleSession sale, Mode mode, Path ticketFolder) {
        this.client = client;
        this.sale = sale;
        this.mode = mode;
        this.ticketFolder = ticketFolder;
        this.connectivity = CheckoutFixture.connectivity(client);
        String modeName = mode.name().toLowerCase(Locale.ROOT);
        root.getStyleClass().addAll("main-window", "mode-" + modeName);
        for (String sheet : new String[] {"base.css", mode == Mode.KIOSK ? "kiosk.css" : "counter.css"}) {
            var url = CheckoutWindow.class.getResource("/org/marquee/kiosk/css/" + sheet);
            if (url != null) {
                root.getStylesheets().add(url.toExternalForm());
            }
        }
        navigator.currentProperty().addListener((obs, old, screen) -> show(screen));
        scene = new Scene(root, 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    /** What takes cards from now on, as a server would say (the demo's simulated terminal with a choice unless set). */
    public CheckoutWindow cards(CardReader reader) {
        this.cards = reader;
        return this;
    }

    /** Shows {@code screen}, as the navigator would. */
    public CheckoutWindow open(Screen screen) {
        if (navigator.current() == screen) {
            show(screen);
        } else {
            navigator.go(screen);
        }
        return this;
    }

    private void show(Screen screen) {
        if (shown instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Clock clock = Clock.system(CheckoutFixture.MADRID);
        shown = switch (screen) {
            case TICKETS -> {
                var model = new TicketsViewModel(client, frame(clock));
                var view = new TicketsView(model, messages);
                model.start();
                yield view;
            }
            case PAYMENT -> {
                var model = new PaymentViewModel(client, client, frame(clock), cards);
                var view = new PaymentView(model, messages);
                model.start();
                yield view;
            }
            case SEAT_MAP -> {
                var model = new SeatMapViewModel(client, client, tasks, navigator, sale, messages, mode, clock);
                SeatMapView view = new SeatMapView(model, navigator, mode, messages);
                view.setId("screen-seat-map"); // as the other screens' stand-ins are found
                yield view;
            }
            case DONE -> {
                var model = new DoneViewModel(
                        client,
                        tasks,
                        navigator,
                        sale,
                        messages,
                        mode,
                        new TicketOutput(ticketFolder, () -> null),
                        CheckoutFixture.MADRID);
                var view = new DoneView(model, messages);
                model.start();
                yield view;
            }
            default -> {
                Label name = new Label(screen.name());
                name.setId("screen-" + screen.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                yield new BorderPane(name);
            }
        };
        root.setCenter(shown);
    }

    private CheckoutFrame frame(Clock clock) {
        return new CheckoutFrame(tasks, connectivity, navigator, sale, messages, mode, clock);
    }

    public Navigator navigator() {
        return navigator;
    }

    public SaleSession sale() {
        return sale;
    }

    public Scene scene() {
        return scene;
    }
}
