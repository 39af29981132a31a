package org.marquee.kiosk.seatmap;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.marquee.kiosk.app.Sale;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatIds;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * The seats this terminal has chosen and the hold the server keeps for them: a tap changes the choice at once and the
 * hold follows, one request at a time (taps made meanwhile are sent together when it answers), within the kiosk's
 * limit. Settles the server's answers to the hold's creation, change and release on the shown seats.
 */
final class SeatSelection {

    /** What the screen does for the selection: says something, moves the countdown on, starts afresh. */
    record Host(Consumer<String> message, Runnable tick, Consumer<String> lose) {}

    private final HoldRequests requests;
    private final ShownSeats seats;
    private final Sale sale;
    private final Messages messages;
    private final Clock clock;
    private final int maxSeats;
    private final LongSupplier showtime;
    private final Host host;

    private final ObservableSet<String> mine = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> mineView = FXCollections.unmodifiableObservableSet(mine);
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private HoldView hold;
    private HoldCountdown countdown;

    SeatSelection(
            HoldRequests requests,
            ShownSeats seats,
            Sale sale,
            Messages messages,
            Clock clock,
            int maxSeats,
            LongSupplier showtime,
            Host host) {
        this.requests = requests;
        this.seats = seats;
        this.sale = sale;
        this.messages = messages;
        this.clock = clock;
        this.maxSeats = maxSeats;
        this.showtime = showtime;
        this.host = host;
    }

    /** A tap on a seat: chooses it or gives it back, and changes the hold on the server accordingly. */
    void toggle(String seatId) {
        SeatView seat = seats.get(seatId);
        if (seat == null || showtime.getAsLong() == 0) {
            return;
        }
        if (mine.contains(seatId)) {
            mine.remove(seatId);
            // ours until the server hears otherwise; shown free at once so the tap is answered without waiting
            seats.set(seatId, SeatStatus.AVAILABLE);
        } else if (seat.status() != SeatStatus.AVAILABLE) {
            host.message().accept(messages.get("seatmap.notAvailable", seatId));
            return;
        } else if (mine.size() >= maxSeats) {
            host.message().accept(messages.get("seatmap.limit", maxSeats));
            return;
        } else {
            mine.add(seatId);
        }
        host.message().accept("");
        seats.publish();
        updateSelection();
        sync();
    }

    /**
     * Gives up the seats that {@code changes} take and that were chosen here but not sent yet; one on its way is
     * settled by the server's answer. Answers the seats given up, for {@link #lost(List)}.
     */
    List<String> dropTaken(List<SeatChange> changes) {
        return changes.stream()
                .filter(change -> ShownSeats.takes(change.status()) && queued(change.seatId()))
                .map(SeatChange::seatId)
                .filter(mine::remove)
                .toList();
    }

    /** Tells of the seats {@link #dropTaken(List)} gave up, if any, and sends the choice left. */
    void lost(List<String> lost) {
        if (!lost.isEmpty()) {
            updateSelection();
            host.message().accept(messages.get("seatmap.justTaken", String.join(", ", lost)));
            sync();
        }
    }

    /** Carries on with {@code held}, a hold this terminal already has: its seats become the choice. */
    void resume(HoldView held) {
        adopt(held);
        mine.addAll(held.seatIds());
    }

    /** Forgets the hold and the choice; the screen starts afresh. */
    void clear() {
        busy.set(false);
        hold = null;
        countdown = null;
        mine.clear();
    }

    /** Takes {@code answer} (or none) as the hold on the server and counts down from when it was first seen. */
    void adopt(HoldView answer) {
        hold = answer;
        countdown = answer == null ? null : HoldCountdown.seen(answer, clock);
        updateCanContinue();
    }

    boolean contains(String seatId) {
        return mine.contains(seatId);
    }

    /** Sends the chosen seats to the server unless a request is already on its way or nothing changed. */
    private void sync() {
        requests.change(showtime.getAsLong(), hold, List.copyOf(mine), this::answered, this::refused);
        busy.set(requests.inFlight());
        updateCanContinue();
    }

    private void answered(HoldView answer, List<String> before) {
        busy.set(false);
        for (String seatId : before) {
            seats.set(seatId, SeatStatus.AVAILABLE);
        }
        if (answer != null) {
            answer.seatIds().forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        }
        seats.publish();
        sale.holdProperty().set(answer);
        adopt(answer);
        host.tick().run();
        sync();
    }

    private void refused(ApiProblem problem, List<String> before) {
        busy.set(false);
        ErrorCode code = problem.code();
        if (code == ErrorCode.HOLD_EXPIRED || code == ErrorCode.HOLD_NOT_ACTIVE) {
            host.lose().accept(problem.getMessage());
            return;
        }
        List<String> taken = code == ErrorCode.SEATS_UNAVAILABLE ? problem.seatIds() : List.of();
        if (taken.isEmpty()) {
            // nothing changed on the server: show again what it holds for us
            mine.retainAll(before);
            mine.addAll(before);
        } else {
            taken.forEach(mine::remove);
            taken.forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        }
        before.stream().filter(mine::contains).forEach(seatId -> seats.set(seatId, SeatStatus.HELD));
        seats.publish();
        updateSelection();
        host.message().accept(problem.getMessage()); // last: whoever waits for the message sees everything else done
        sync();
    }

    /** Chosen here but neither held for us nor on its way to the server yet. */
    private boolean queued(String seatId) {
        return mine.contains(seatId) && (hold == null || !hold.seatIds().contains(seatId)) && !requests.sending(seatId);
    }

    void updateSelection() {
        selection.set(
                mine.isEmpty()
                        ? messages.get("seatmap.choose")
                        : messages.get(
                                "seatmap.selection",
                                mine.size(),
                                String.join(
                                        ", ",
                                        mine.stream()
                                                .sorted(SeatIds.READING_ORDER)
                                                .toList())));
        updateCanContinue();
    }

    void updateCanContinue() {
        canContinue.set(hold != null
                && !hold.seatIds().isEmpty()
                && !requests.inFlight()
                && new HashSet<>(hold.seatIds()).equals(new HashSet<>(mine)));
    }

    /** The hold on the server, or null. */
    HoldView hold() {
        return hold;
    }

    /** The hold's countdown, or null without a hold. */
    HoldCountdown countdown() {
        return countdown;
    }

    int maxSeats() {
        return maxSeats;
    }

    ObservableSet<String> mine() {
        return mineView;
    }

    ReadOnlyStringProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
