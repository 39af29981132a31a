package org.marquee.kiosk.seatmap;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatMapVersion;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimeListing;

/**
 * State of the seat-map screen. Every tap changes the hold on the server at once (first seat: create; more or fewer:
 * replace the seats; none left: release), one request at a time: taps made meanwhile are sent together when it
 * answers. The choice is the {@link HoldEditor}'s, the hold and its countdown the {@link SaleSession}'s; this class
 * sends what the editor asks through the session and shows the answers. The countdown runs on the server's clock;
 * {@link #tick()} moves it (the view calls it a few times a second). While shown, the map follows the showtime's live
 * events: other terminals' seats change without a reload.
 */
public final class SeatMapViewModel implements AutoCloseable {

    /** Most seats a self-service kiosk may hold (the server enforces it too). */
    public static final int KIOSK_MAX_SEATS = 10;

    private final LiveSeats live;
    private final Navigator navigator;
    private final SaleSession sale;
    private final Messages messages;
    private final Clock clock;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final HoldClock holdClock = new HoldClock();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final ShownSeats seats;
    private final ChoiceShown shown;
    private final HoldEditor editor;
    private final LegendPrices prices;

    private long showtimeId;

    /**
     * @param holds the server's seat maps and holds (reads of the map; the hold's changes go through {@code sale})
     * @param feeds opens the showtime's live seat events
     */
    public SeatMapViewModel(
            SeatHolds holds,
            SeatEvents feeds,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Mode mode,
            Clock clock) {
        this.live = new LiveSeats(feeds, tasks.ui());
        this.seats = new ShownSeats(holds, tasks, problem -> {
            message.set(ProblemTexts.of(problem, messages));
            showChoice(); // a map that could not be read says why it is blank
        });
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.clock = clock;
        this.prices = new LegendPrices(holds, tasks, messages);
        this.shown = new ChoiceShown(messages, mode == Mode.KIOSK);
        this.editor = new HoldEditor(mode == Mode.KIOSK ? KIOSK_MAX_SEATS : Integer.MAX_VALUE);
        seats.seatMapProperty().addListener((obs, was, now) -> {
            if ((was == null) != (now == null)) {
                showChoice(); // "Tap the seats you want" once there are seats to tap
            }
        });
        showChoice();
    }

    /** Shows the sale's showtime: keeps this terminal's hold on it, if any, and reads the seat map. */
    public void open() {
        ShowtimeListing listing = sale.showtimeProperty().get();
        if (listing == null) {
            return;
        }
        HoldView saleHold = sale.holdProperty().get();
        if (listing.id() != showtimeId || saleHold != editor.hold()) {
            startOver(listing.id());
            if (sale.holdsSeatsOf(listing.id())) {
                editor.resume(saleHold);
            } else if (saleHold != null) {
                sale.release();
            }
            describe(listing);
            message.set("");
        }
        showChoice();
        tick();
        prices.load(showtimeId);
        live.follow(
                showtimeId,
                new LiveSeats.Handlers(
                        this::seatsChanged, this::hello, v -> seats.reread(Long.MAX_VALUE), this::resumed));
        reload();
    }

    /** The server is back (the terminal is online again): opens the live events afresh and reads the map again. */
    public void reconnect() {
        live.close();
        message.set("");
        open();
    }

    /** The live events flow again: the map is read afresh and a problem shown meanwhile is cleared. */
    private void resumed() {
        message.set("");
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
        if (showtimeId == 0) {
            return;
        }
        var shown = seats.get(seatId);
        switch (editor.toggle(seatId, shown == null ? null : shown.status())) {
            case IGNORED -> {
                return;
            }
            case NOT_AVAILABLE -> {
                message.set(messages.get("seatmap.notAvailable", seatId));
                return;
            }
            case AT_LIMIT -> {
                message.set(messages.get("seatmap.limit", editor.maxSeats()));
                return;
            }
            // ours until the server hears otherwise; shown free at once so the tap is answered without waiting
            case GIVEN_BACK -> seats.set(seatId, SeatStatus.AVAILABLE);
            case CHOSEN -> {}
        }
        message.set("");
        seats.publish();
        showChoice();
        send();
    }

    /**
     * The choice becomes exactly {@code seatIds}, sent as one change of the hold, all or nothing: a best-seat block
     * moved to a tapped seat, a block from the accessible list. Over the terminal's limit nothing changes.
     */
    public void choose(List<String> seatIds) {
        List<String> before = List.copyOf(editor.mine());
        if (showtimeId == 0 || !editor.replace(seatIds)) {
            return;
        }
        before.stream().filter(seatId -> !editor.contains(seatId)).forEach(id -> seats.set(id, SeatStatus.AVAILABLE));
        message.set("");
        seats.publish();
        showChoice();
        send();
    }

    /** Shows {@code text} as the screen's message (empty: none), for the best-seat step beside the map. */
    public void tell(String text) {
        message.set(text);
    }

    /** Asks for more time on the hold; offered only in the last minute and below the server's cap. */
    public void extend() {
        if (editor.hold() == null || !holdClock.extendOffered()) {
            return;
        }
        holdClock.extending();
        sale.extend(
                () -> {
                    editor.adopt(sale.holdProperty().get());
                    tick();
                },
                this::failed);
    }

    /** Sends the chosen seats through the sale unless a change is already on its way or nothing changed. */
    private void send() {
        var next = editor.nextChange();
        // shown before the request leaves: its answer, wherever it runs, is the last to change what is shown
        busy.set(editor.inFlight());
        showChoice();
        next.ifPresent(wanted -> sale.changeSeats(showtimeId, wanted, this::answered, this::refused));
    }

    private void answered(HoldView answer) {
        List<String> before = editor.answered(answer);
        busy.set(false);
        before.forEach(seatId -> seats.set(seatId, SeatStatus.AVAILABLE));
        if (answer != null) {
            answer.seatIds().forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        }
        seats.publish();
        tick();
        send();
    }

    private void refused(ApiProblem problem) {
        busy.set(false);
        ErrorCode code = problem.code();
        if (code == ErrorCode.HOLD_EXPIRED || code == ErrorCode.HOLD_NOT_ACTIVE) {
            lose(ProblemTexts.of(problem, messages));
            return;
        }
        List<String> taken = code == ErrorCode.SEATS_UNAVAILABLE ? problem.seatIds() : List.of();
        List<String> before = editor.refused(taken);
        taken.forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        before.stream().filter(editor::contains).forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        seats.publish();
        showChoice();
        message.set(
                ProblemTexts.of(problem, messages)); // last: whoever waits for the message sees everything else done
        send();
    }

    /** A live event: other terminals' seats change; ours stay as they are (the server's answers tell of them). */
    private void seatsChanged(SeatChanges event) {
        if (event.showtimeId() != showtimeId || !seats.accepts(event.version())) {
            return;
        }
        var lost = editor.dropTaken(event.changes());
        seats.apply(event.version(), event.changes(), editor::contains)
                .forEach(seatId -> live.taken(seatId, clock.instant()));
        if (!lost.isEmpty()) {
            showChoice();
            message.set(messages.get("seatmap.justTaken", String.join(", ", lost)));
            send();
        }
    }

    private void hello(SeatMapVersion version) {
        if (version.showtimeId() == showtimeId && version.version() > seats.version()) {
            seats.reread(version.version());
        }
    }

    /** Moves the countdown on; at zero the hold is gone, the choice is cleared and the map read again. */
    public void tick() {
        live.expire(clock.instant());
        if (holdClock.show(editor.hold() == null ? null : sale.countdown(clock), clock.instant())) {
            lose(messages.get("seatmap.expired"));
        }
    }

    /** "Continue": on to the ticket types once every chosen seat is held. */
    public boolean proceed() {
        if (!shown.canContinue()) {
            return false;
        }
        navigator.go(Screen.TICKETS);
        return true;
    }

    /** "Back": gives the seats back and returns to the showtimes. */
    public void back() {
        startOver(0);
        sale.release();
        navigator.go(Screen.SHOWTIMES);
    }

    private void failed(ApiProblem problem) {
        if (problem.code() == ErrorCode.HOLD_EXPIRED || problem.code() == ErrorCode.HOLD_NOT_ACTIVE) {
            lose(ProblemTexts.of(problem, messages));
        } else {
            message.set(ProblemTexts.of(problem, messages));
            tick();
        }
    }

    /** The hold is gone (time ran out, or the server says it ended): start this showtime afresh and say why. */
    private void lose(String why) {
        boolean ours = editor.hold() != null && sale.holdProperty().get() == editor.hold();
        startOver(showtimeId);
        if (ours) {
            sale.holdLost();
        }
        message.set(why);
        showChoice();
        reload();
    }

    private void startOver(long showtime) {
        sale.dropAnswers();
        editor.clear();
        busy.set(false);
        if (showtime != showtimeId) {
            live.close(); // open() follows the new showtime
        }
        showtimeId = showtime;
        seats.showtime(showtime);
        tick();
        showChoice();
    }

    /** The chosen seats, the line that lists them, and whether "Continue" may go on. */
    private void showChoice() {
        boolean blank = showtimeId != 0
                && seats.seatMapProperty().get() == null
                && !seats.loadingProperty().get();
        shown.show(editor.mine(), editor.canContinue(), blank);
    }

    private void describe(ShowtimeListing listing) {
        shown.describe(listing, clock.getZone());
    }

    /** The legend's price of each seat type ("€12.50", "+€3.00"), in the terminal's currency format. */
    public ReadOnlyObjectProperty<Map<SeatType, String>> legendPricesProperty() {
        return prices.textsProperty();
    }

    /** The hold this screen has on the server, or null. */
    public HoldView hold() {
        return editor.hold();
    }

    public int maxSeats() {
        return editor.maxSeats();
    }

    /** The seats with their statuses; a new value whenever one changes. */
    public ReadOnlyObjectProperty<SeatMap> seatMapProperty() {
        return seats.seatMapProperty();
    }

    /** Seats this terminal has chosen, in the order chosen. */
    public ObservableSet<String> mine() {
        return shown.mine();
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
        return shown.titleProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return shown.detailsProperty();
    }

    public ReadOnlyStringProperty selectionProperty() {
        return shown.selectionProperty();
    }

    /** Time left on the hold as {@code mm:ss}; empty without a hold. */
    public ReadOnlyStringProperty countdownProperty() {
        return holdClock.textProperty();
    }

    public ReadOnlyBooleanProperty extendOfferedProperty() {
        return holdClock.extendOfferedProperty();
    }

    public ReadOnlyBooleanProperty canContinueProperty() {
        return shown.canContinueProperty();
    }

    /** True while a change of the hold is on its way to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the live seat events are down: the map may be out of date. */
    public ReadOnlyBooleanProperty livePausedProperty() {
        return live.pausedProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return seats.loadingProperty();
    }
}
