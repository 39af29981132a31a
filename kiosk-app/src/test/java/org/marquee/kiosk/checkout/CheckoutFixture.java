package org.marquee.kiosk.checkout;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.client.Orders;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;

/**
 * What the checkout, done and idle tests share: one in-memory box office for the view-model tests ({@link
 * FakeBoxOffice}) and one demo server for the whole-flow tests (each started on first use, the server stopped when the
 * JVM ends), terminals of either, and holds in the big IMAX hall ("Sala 1" of theater 1: ADULT 1250, CHILD 950,
 * SENIOR 1000, PREMIUM +300) put into a {@link SaleSession} as the seat map would.
 */
public final class CheckoutFixture {

    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static ServerProcess shared;
    private static FakeBoxOffice office;

    private CheckoutFixture() {}

    /** The run's demo server with its default flags. */
    public static synchronized ServerProcess server() {
        if (shared == null) {
            shared = ServerProcess.start();
            ServerProcess started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    /** A client of a demo kiosk: demo-kiosk-1 to demo-kiosk-4. */
    public static MarqueeClient kiosk(ServerProcess server, int number) {
        return new MarqueeClient(server.url(), "demo-kiosk-" + number);
    }

    /** A client of the demo counter terminal with the clerk alice signed in. */
    public static MarqueeClient clerk(ServerProcess server) {
        MarqueeClient client = new MarqueeClient(server.url(), "demo-counter-1");
        client.useToken(client.signIn("alice", "1234").token());
        return client;
    }

    /** Online while the server answers, as the application's own. */
    public static Connectivity connectivity(MarqueeClient client) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "test-connectivity");
            thread.setDaemon(true);
            return thread;
        });
        return new Connectivity(UiThread.DIRECT, scheduler, client::health);
    }

    /** The IMAX showtimes of the big hall tomorrow (Madrid time), all on sale. */
    public static ShowtimeListing imaxShowtime(MarqueeClient client, int index) {
        List<ShowtimeListing> imax = client.showtimes(1, LocalDate.now(MADRID).plusDays(1)).stream()
                .filter(showtime -> "IMAX".equals(showtime.format()))
                .toList();
        return imax.get(index % imax.size());
    }

    /**
     * One in-memory box office for the whole test run: twelve IMAX showtimes in the demo's big hall (row J PREMIUM),
     * priced as the demo prices them.
     */
    public static synchronized FakeBoxOffice office() {
        if (office == null) {
            office = new FakeBoxOffice();
            for (int i = 0; i < 12; i++) {
                office.showtime();
            }
        }
        return office;
    }

    /** A terminal of the run's in-memory box office. */
    public static FakeBoxOffice.Terminal terminal() {
        return office().terminal();
    }

    /** Online while the in-memory box office answers. */
    public static Connectivity connectivity(FakeBoxOffice.Terminal terminal) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "test-connectivity");
            thread.setDaemon(true);
            return thread;
        });
        return new Connectivity(UiThread.DIRECT, scheduler, terminal::health);
    }

    /** The in-memory box office's showtimes, all on sale. */
    public static ShowtimeListing imaxShowtime(FakeBoxOffice.Terminal terminal, int index) {
        List<ShowtimeListing> imax = terminal.office().listings();
        return imax.get(index % imax.size());
    }

    /** Holds the first available seats of these kinds (one per entry) and puts the hold into a new sale. */
    public static <C extends SeatHolds & Orders> SaleSession saleWithHold(
            C client, ShowtimeListing showtime, SeatType... kinds) {
        HoldView hold = client.hold(showtime.id(), availableSeats(client, showtime.id(), kinds));
        SaleSession sale = new SaleSession(client, new Tasks(UiThread.DIRECT));
        sale.choose(1L, showtime);
        sale.adoptHold(hold);
        return sale;
    }

    /** Like {@link #saleWithHold}, with the order made as the tickets screen would: every ticket ADULT. */
    public static <C extends SeatHolds & Orders> SaleSession saleWithOrder(
            C client, ShowtimeListing showtime, SeatType... kinds) {
        SaleSession sale = saleWithHold(client, showtime, kinds);
        HoldView hold = sale.holdProperty().get();
        OrderView order = client.order(
                hold.holdId(),
                hold.seatIds().stream()
                        .map(seat -> new TicketRequest(seat, TicketType.ADULT))
                        .toList(),
                null);
        sale.priced(order);
        return sale;
    }

    static List<String> availableSeats(SeatHolds client, long showtimeId, SeatType... kinds) {
        List<SeatView> seats = client.seatMap(showtimeId).seats();
        Set<String> taken = new HashSet<>();
        List<String> chosen = new ArrayList<>();
        for (SeatType kind : kinds) {
            SeatView seat = seats.stream()
                    .filter(s -> s.status() == SeatStatus.AVAILABLE && s.type() == kind && !taken.contains(s.id()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + kind + " seat left in " + showtimeId));
            taken.add(seat.id());
            chosen.add(seat.id());
        }
        return chosen;
    }

    /** The status of a seat in its showtime's seat map now. */
    public static SeatStatus status(SeatHolds client, long showtimeId, String seatId) {
        return client.seatMap(showtimeId).seats().stream()
                .filter(seat -> seat.id().equals(seatId))
                .map(SeatView::status)
                .findFirst()
                .orElseThrow();
    }
}
