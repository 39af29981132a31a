package org.marquee.kiosk.seatmap;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marquee.model.HoldView;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatStatus;

/**
 * The seats chosen on the seat map and how they stand with the hold on the server: a tap changes the choice at once
 * and the hold follows, one change at a time (taps made meanwhile go together in the next), within the terminal's
 * limit. Plain state, no network and no JavaFX: the view-model sends the change {@link #nextChange()} gives and hands
 * the server's answer back; nothing here calls out.
 */
final class HoldEditor {

    /** What a tap did. */
    enum Tap {
        CHOSEN,
        GIVEN_BACK,
        NOT_AVAILABLE,
        AT_LIMIT,
        IGNORED
    }

    private final int maxSeats;
    private final Set<String> mine = new LinkedHashSet<>();
    private final Set<String> mineView = Collections.unmodifiableSet(mine);
    private HoldView hold;
    private boolean inFlight;
    private List<String> sending = List.of();
    private List<String> heldBefore = List.of();

    HoldEditor(int maxSeats) {
        this.maxSeats = maxSeats;
    }

    /** A tap on a seat shown as {@code shown} (null: no such seat): chooses it or gives it back. */
    Tap toggle(String seatId, SeatStatus shown) {
        if (shown == null) {
            return Tap.IGNORED;
        }
        if (mine.remove(seatId)) {
            return Tap.GIVEN_BACK;
        }
        if (shown != SeatStatus.AVAILABLE) {
            return Tap.NOT_AVAILABLE;
        }
        if (mine.size() >= maxSeats) {
            return Tap.AT_LIMIT;
        }
        mine.add(seatId);
        return Tap.CHOSEN;
    }

    /**
     * The choice becomes exactly {@code seats} (a best-seat block moved, a block from the accessible list), sent as
     * one change: all or nothing. False (and nothing changes) over the terminal's limit.
     */
    boolean replace(List<String> seats) {
        if (seats.size() > maxSeats) {
            return false;
        }
        mine.clear();
        mine.addAll(seats);
        return true;
    }

    /**
     * The seats to send now, marked as on their way: the choice, unless a change is already on its way or the hold
     * already has exactly these seats.
     */
    Optional<List<String>> nextChange() {
        if (inFlight || new HashSet<>(mine).equals(new HashSet<>(held()))) {
            return Optional.empty();
        }
        inFlight = true;
        sending = List.copyOf(mine);
        heldBefore = held();
        return Optional.of(sending);
    }

    /** The server answered the change on its way with {@code answer} (null: released). Answers the seats held before. */
    List<String> answered(HoldView answer) {
        List<String> before = heldBefore;
        settle();
        hold = answer;
        return before;
    }

    /**
     * The server refused the change on its way; {@code taken} are the seats it named as someone else's (maybe none:
     * then nothing changed there and the choice goes back to what is held). Answers the seats held before.
     */
    List<String> refused(List<String> taken) {
        List<String> before = heldBefore;
        settle();
        if (taken.isEmpty()) {
            mine.retainAll(before);
            mine.addAll(before);
        } else {
            taken.forEach(mine::remove);
        }
        return before;
    }

    /**
     * Gives up the seats that {@code changes} take and that were chosen here but not sent yet; one on its way is
     * settled by the server's answer. Answers the seats given up.
     */
    List<String> dropTaken(List<SeatChange> changes) {
        return changes.stream()
                .filter(change -> ShownSeats.takes(change.status()) && queued(change.seatId()))
                .map(SeatChange::seatId)
                .filter(mine::remove)
                .toList();
    }

    /** Carries on with {@code held}, a hold this terminal already has: its seats become the choice. */
    void resume(HoldView held) {
        clear();
        hold = held;
        mine.addAll(held.seatIds());
    }

    /** The hold as it is now on the server (a longer one, say); the choice stays. */
    void adopt(HoldView current) {
        hold = current;
    }

    /** Forgets the hold, the choice and any change on its way. */
    void clear() {
        settle();
        hold = null;
        mine.clear();
    }

    boolean contains(String seatId) {
        return mine.contains(seatId);
    }

    /** True while a change of the hold is on its way. */
    boolean inFlight() {
        return inFlight;
    }

    /** True once every chosen seat, and no other, is held for us and nothing is on its way. */
    boolean canContinue() {
        return hold != null && !hold.seatIds().isEmpty() && !inFlight && new HashSet<>(hold.seatIds()).equals(mine);
    }

    /** The chosen seats, in the order chosen. */
    Set<String> mine() {
        return mineView;
    }

    HoldView hold() {
        return hold;
    }

    int maxSeats() {
        return maxSeats;
    }

    private List<String> held() {
        return hold == null ? List.of() : hold.seatIds();
    }

    private void settle() {
        inFlight = false;
        sending = List.of();
        heldBefore = List.of();
    }

    /** Chosen here but neither held for us nor on its way to the server yet. */
    private boolean queued(String seatId) {
        return mine.contains(seatId) && !held().contains(seatId) && !(inFlight && sending.contains(seatId));
    }
}
