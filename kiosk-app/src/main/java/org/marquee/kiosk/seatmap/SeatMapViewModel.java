package org.marquee.kiosk.seatmap;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;
import org.marquee.kiosk.app.Mode;
import org.marquee.kiosk.app.Navigator;
import org.marquee.kiosk.app.Sale;
import org.marquee.kiosk.app.Screen;
import org.marquee.kiosk.app.Tasks;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatMapVersion;
import org.marquee.model.ShowtimeListing;

/**
 * State of the seat-map screen. Every tap changes the hold on the server at once (first seat: create; more or fewer:
 * replace the seats; none left: release), one request at a time: taps made meanwhile are sent together when it
 * answers. The countdown runs on the server's clock; {@link #tick()} moves it (the view calls it a few times a second).
 * While shown, the map follows the showtime's live events: other terminals' seats change without a reload. The choice
 * and the hold's requests are {@link SeatSelection}'s.
 */
public final class SeatMapViewModel implements AutoCloseable {

    /** Most seats a self-service kiosk may hold (the server enforces it too). */
    public static final int KIOSK_MAX_SEATS = 10;

    private final HoldRequests requests;
    private final LiveSeats live;
    private final Navigator navigator;
    private final Sale sale;
    private final Messages messages;
    private final Clock clock;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countdownText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper extendOffered = new ReadOnlyBooleanWrapper(false);

    private final ShownSeats seats;
    private final SeatSelection chosen;

    private long showtimeId;

    public SeatMapViewModel(
            MarqueeClient client,
            Tasks tasks,
            Navigator navigator,
            Sale sale,
            Messages messages,
            Mode mode,
            Clock clock) {
        this(
                client,
                tasks,
                navigator,
                sale,
                messages,
                mode,
                clock,
                (id, listener) -> SeatFeed.open(client, id, listener));
    }

    /** With {@code feeds} opening the live events: tests hand events in through it. */
    SeatMapViewModel(
            MarqueeClient client,
            Tasks tasks,
            Navigator navigator,
            Sale sale,
            Messages messages,
            Mode mode,
            Clock clock,
            LiveSeats.Source feeds) {
        this.requests = new HoldRequests(client, tasks);
        this.live = new LiveSeats(feeds, tasks.ui());
        this.seats = new ShownSeats(requests, message::set);
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.clock = clock;
        this.chosen = new SeatSelection(
                requests,
                seats,
                sale,
                messages,
                clock,
                mode == Mode.KIOSK ? KIOSK_MAX_SEATS : Integer.MAX_VALUE,
                () -> showtimeId,
                new SeatSelection.Host(message::set, this::tick, this::lose));
        chosen.updateSelection();
    }

    /** Shows the sale's showtime: keeps this terminal's hold on it, if any, and reads the seat map. */
    public void open() {
        ShowtimeListing listing = sale.showtimeProperty().get();
        if (listing == null) {
            return;
        }
        HoldView saleHold = sale.holdProperty().get();
        if (listing.id() != showtimeId || saleHold != chosen.hold()) {
            startOver(listing.id());
            if (saleHold != null && saleHold.showtimeId() == listing.id() && saleHold.status() == HoldStatus.ACTIVE) {
                chosen.resume(saleHold);
            } else if (saleHold != null) {
                requests.release(saleHold);
                sale.holdProperty().set(null);
            }
            describe(listing);
            message.set("");
        }
        chosen.updateSelection();
        tick();
        live.follow(
                showtimeId, new LiveSeats.Handlers(this::seatsChanged, this::hello, v -> seats.reread(Long.MAX_VALUE)));
        reload();
    }

    /** Stops following the live events; the view calls it when the map is no longer shown. */
    @Override
    public void close() {
        live.close();
    }

    /** Reads the seat map again; this terminal's own choice stays as it is. */
    public void reload() {
        seats.reload();
    }

    /** A tap on a seat: chooses it or gives it back, and changes the hold on the server accordingly. */
    public void toggle(String seatId) {
        chosen.toggle(seatId);
    }

    /** Asks for more time on the hold; offered only in the last minute and below the server's cap. */
    public void extend() {
        HoldView hold = chosen.hold();
        if (hold == null || !extendOffered.get()) {
            return;
        }
        UUID id = hold.holdId();
        extendOffered.set(false);
        requests.extend(
                id,
                extended -> {
                    HoldView current = chosen.hold();
                    if (current != null && current.holdId().equals(extended.holdId())) {
                        sale.holdProperty().set(extended);
                        chosen.adopt(extended);
                        tick();
                    }
                },
                this::failed);
    }

    /** A live event: other terminals' seats change; ours stay as they are (the server's answers tell of them). */
    private void seatsChanged(SeatChanges event) {
        if (event.showtimeId() != showtimeId || !seats.accepts(event.version())) {
            return;
        }
        var lost = chosen.dropTaken(event.changes());
        seats.apply(event.version(), event.changes(), chosen::contains)
                .forEach(seatId -> live.taken(seatId, clock.instant()));
        chosen.lost(lost);
    }

    private void hello(SeatMapVersion version) {
        if (version.showtimeId() == showtimeId && version.version() > seats.version()) {
            seats.reread(version.version());
        }
    }

    /** Moves the countdown on; at zero the hold is gone, the choice is cleared and the map read again. */
    public void tick() {
        live.expire(clock.instant());
        HoldCountdown countdown = chosen.countdown();
        if (countdown == null) {
            countdownText.set("");
            extendOffered.set(false);
            return;
        }
        var now = clock.instant();
        Duration left = countdown.remaining(now);
        countdownText.set(HoldCountdown.format(left));
        extendOffered.set(countdown.offerExtension(now));
        if (left.isZero()) {
            lose(messages.get("seatmap.expired"));
        }
    }

    /** "Continue": on to the ticket types once every chosen seat is held. */
    public boolean proceed() {
        if (!chosen.canContinueProperty().get()) {
            return false;
        }
        navigator.go(Screen.TICKETS);
        return true;
    }

    /** "Back": gives the seats back and returns to the showtimes. */
    public void back() {
        HoldView held = chosen.hold();
        startOver(0);
        requests.release(held);
        if (sale.holdProperty().get() == held) {
            sale.holdProperty().set(null);
        }
        navigator.go(Screen.SHOWTIMES);
    }

    private void failed(ApiProblem problem) {
        if (problem.code() == ErrorCode.HOLD_EXPIRED || problem.code() == ErrorCode.HOLD_NOT_ACTIVE) {
            lose(problem.getMessage());
        } else {
            message.set(problem.getMessage());
            tick();
        }
    }

    /** The hold is gone (time ran out, or the server says it ended): start this showtime afresh and say why. */
    private void lose(String why) {
        HoldView lost = chosen.hold();
        startOver(showtimeId);
        if (lost != null && sale.holdProperty().get() == lost) {
            sale.holdProperty().set(null);
        }
        message.set(why);
        chosen.updateSelection();
        reload();
    }

    private void startOver(long showtime) {
        requests.startOver();
        chosen.clear();
        if (showtime != showtimeId) {
            live.close(); // open() follows the new showtime
        }
        showtimeId = showtime;
        seats.showtime(showtime);
        tick();
        chosen.updateCanContinue();
    }

    /** Title and "IMAX · Sala 1 · Sun 22 Nov, 19:00", in the clock's zone (the app gives the theater's). */
    private void describe(ShowtimeListing listing) {
        ZoneId zone = clock.getZone();
        var when = DateTimeFormatter.ofPattern(messages.get("seatmap.when.pattern"), messages.locale())
                .format(listing.startsAt().atZone(zone));
        title.set(listing.movie().title());
        details.set(messages.get(
                "seatmap.details", listing.format(), listing.auditorium().name(), when));
    }

    /** The hold this screen has on the server, or null. */
    public HoldView hold() {
        return chosen.hold();
    }

    public int maxSeats() {
        return chosen.maxSeats();
    }

    /** The seats with their statuses; a new value whenever one changes. */
    public ReadOnlyObjectProperty<SeatMap> seatMapProperty() {
        return seats.seatMapProperty();
    }

    /** Seats this terminal has chosen, in the order chosen. */
    public ObservableSet<String> mine() {
        return chosen.mine();
    }

    /** Seats someone else took moments ago, for a brief highlight; each leaves after {@link LiveSeats#JUST_TAKEN}. */
    public ObservableSet<String> justTaken() {
        return live.justTaken();
    }

    /** The last thing to tell the person: a refusal, an error from the server, the hold running out; or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionProperty() {
        return chosen.selectionProperty();
    }

    /** Time left on the hold as {@code mm:ss}; empty without a hold. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdownText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty extendOfferedProperty() {
        return extendOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canContinueProperty() {
        return chosen.canContinueProperty();
    }

    /** True while a change of the hold is on its way to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return chosen.busyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return seats.loadingProperty();
    }
}
