package org.marquee.kiosk.seatmap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;

/**
 * What the seat-map tests share: showtimes of the big hall ("Sala 1" of theater 1) on the days after today, handed
 * out one per test so that no two tests meet on a showtime, and a terminal's view-model with everything it needs.
 */
final class SeatMapFixture {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** No live seat events: the map changes only by this terminal's own reads and requests. */
    static final SeatEvents NO_LIVE = (showtimeId, listener) -> () -> {};

    private final String serverUrl;
    private final FakeBoxOffice office;
    private final List<ShowtimeListing> bigHall = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Against a real server's demo data. */
    SeatMapFixture(String serverUrl) {
        this.serverUrl = serverUrl;
        this.office = null;
        MarqueeClient client = new MarqueeClient(serverUrl, "demo-counter-1");
        LocalDate today = LocalDate.now(MADRID);
        for (int day = 1; day <= 6; day++) {
            client.showtimes(1, today.plusDays(day)).stream()
                    .filter(s -> s.auditorium().name().equals("Sala 1"))
                    .forEach(bigHall::add);
        }
    }

    /** Against the in-memory box office: thirty showtimes of the demo's 308-seat big hall. */
    SeatMapFixture(FakeBoxOffice office) {
        this.serverUrl = null;
        this.office = office;
        for (int i = 0; i < 30; i++) {
            bigHall.add(office.showtime());
        }
    }

    /** A terminal's seat maps and holds: a client of the server, or a terminal of the in-memory box office. */
    SeatHolds client(String token) {
        return office != null ? office.terminal() : new MarqueeClient(serverUrl, token);
    }

    /** The live seat events {@code client}'s server streams. */
    static SeatEvents events(SeatHolds client) {
        return client instanceof MarqueeClient http
                ? (id, listener) -> SeatFeed.open(http, id, listener)
                : (FakeBoxOffice.Terminal) client;
    }

    /** A showtime of the 308-seat hall that no other test of this run uses. */
    ShowtimeListing freshShowtime() {
        return bigHall.get(next.getAndIncrement());
    }

    static SeatStatus status(SeatMap map, String seatId) {
        return map.seats().stream()
                .filter(seat -> seat.id().equals(seatId))
                .map(SeatView::status)
                .findFirst()
                .orElseThrow();
    }

    /** A terminal's seat map: its view-model and the parts around it. */
    record Terminal(SeatMapViewModel model, SaleSession sale, Navigator navigator, Tasks tasks, SeatHolds client) {}

    Terminal terminal(String token, Mode mode, ShowtimeListing showtime, java.time.Clock clock) {
        return terminal(token, mode, showtime, clock, null);
    }

    /** A terminal whose live seat events come from {@code feeds} (null: from the server, as in the application). */
    Terminal terminal(String token, Mode mode, ShowtimeListing showtime, java.time.Clock clock, SeatEvents feeds) {
        SeatHolds client = client(token);
        Tasks tasks = new Tasks(UiThread.DIRECT);
        SaleSession sale = new SaleSession(client, tasks);
        Navigator navigator = new Navigator();
        sale.choose(1L, showtime);
        Messages messages = new Messages(Locale.ENGLISH);
        SeatEvents events = feeds == null ? events(client) : feeds;
        var model = new SeatMapViewModel(client, events, tasks, navigator, sale, messages, mode, clock);
        return new Terminal(model, sale, navigator, tasks, client);
    }
}
