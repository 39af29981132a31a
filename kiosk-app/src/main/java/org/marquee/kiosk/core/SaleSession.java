package org.marquee.kiosk.core;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentResult;
import org.marquee.model.ShowtimeListing;

/**
 * The terminal's current sale, and its only owner: the showtime chosen, the hold on its seats and that hold's
 * countdown, the order and the payment's result. Screens and the idle timer ask it to act (commands) and show what it
 * holds (read-only properties); nobody else sets them. It is also the one place that gives a hold back to the server.
 *
 * <p>A paid sale cannot come back: once paid, the hold is retired (its seats are sold, not held), and choosing a
 * showtime starts a new sale, whatever way the person left the last screen. Commands run on the UI thread; answers of
 * hold requests that arrive after the sale moved on ({@link #startOver()}, {@link #release()}, another showtime) are
 * dropped, and a hold such a late answer grants is given back.
 */
public final class SaleSession {

    private final Supplier<? extends SeatHolds> holds;
    private final Tasks tasks;

    private final ReadOnlyObjectWrapper<ShowtimeListing> showtime = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> theaterId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HoldView> hold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OrderView> order = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PaymentResult> payment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper accessible = new ReadOnlyBooleanWrapper(false);

    private HoldCountdown countdown;
    /** True when the hold was asked for with {@code accessible: true} (the server keeps that for its changes). */
    private boolean holdAccessible;

    private long generation;

    /**
     * @param holds the server's holds (the application's current client: it changes when the terminal is set up
     *     again)
     */
    public SaleSession(Supplier<? extends SeatHolds> holds, Tasks tasks) {
        this.holds = holds;
        this.tasks = tasks;
    }

    public SaleSession(SeatHolds holds, Tasks tasks) {
        this(() -> holds, tasks);
    }

    // ---- commands ----------------------------------------------------------------------------------------------

    /** The person chose a showtime (of {@code theater}): after a paid sale, this starts a new one. */
    public void choose(long theater, ShowtimeListing listing) {
        if (isPaid()) {
            forget();
        }
        theaterId.set(theater);
        showtime.set(listing);
    }

    /**
     * Carries on with {@code held}, a hold this terminal got from the server (null: none). Its countdown starts at the
     * first {@link #countdown(Clock)}.
     */
    public void adoptHold(HoldView held) {
        if (held != null && isPaid()) {
            return; // a paid sale takes no hold back
        }
        hold.set(held);
        countdown = null;
    }

    /**
     * Asks the server for exactly {@code wanted} seats of {@code showtimeId}: creates the hold, replaces its seats, or
     * releases it when none are wanted. The answer becomes the sale's hold, then {@code answered} hears of it (null:
     * none left) on the UI thread; {@code refused} hears of a refusal. Neither hears of an answer that arrives after
     * the sale moved on.
     */
    public void changeSeats(
            long showtimeId, List<String> wanted, Consumer<HoldView> answered, Consumer<ApiProblem> refused) {
        HoldView current = hold.get();
        UUID holdId = current == null ? null : current.holdId();
        SeatHolds server = holds.get();
        boolean asAccessible = accessible.get();
        Callable<HoldView> call;
        if (holdId == null || (asAccessible && !holdAccessible && !wanted.isEmpty())) {
            // a hold made before accessible mode was turned on cannot take wheelchair spaces: a new one replaces it
            call = () -> server.hold(showtimeId, wanted, asAccessible);
        } else if (wanted.isEmpty()) {
            call = () -> {
                server.release(holdId);
                return null;
            };
        } else {
            call = () -> server.changeSeats(holdId, wanted);
        }
        long gen = generation;
        tasks.run(
                call,
                answer -> {
                    if (gen != generation) {
                        giveBackLate(answer);
                    } else {
                        if (holdId == null || answer == null || !answer.holdId().equals(holdId)) {
                            holdAccessible = asAccessible;
                        }
                        adoptHold(answer);
                        answered.accept(answer);
                    }
                },
                problem -> {
                    if (gen == generation) {
                        refused.accept(problem);
                    }
                });
    }

    /**
     * Asks the server for the best {@code count} seats of {@code showtimeId} (DESIGN §8), as an accessible hold in
     * accessible mode: a new hold that replaces the sale's. The answer becomes the sale's hold, then {@code answered}
     * hears of it on the UI thread; {@code refused} of a refusal; neither after the sale moved on.
     */
    public void bestSeats(long showtimeId, int count, Consumer<HoldView> answered, Consumer<ApiProblem> refused) {
        SeatHolds server = holds.get();
        boolean asAccessible = accessible.get();
        long gen = ++generation; // an answer still on its way for the old hold is not wanted any more
        tasks.run(
                () -> server.holdBest(showtimeId, count, asAccessible),
                answer -> {
                    if (gen != generation) {
                        giveBackLate(answer);
                    } else {
                        holdAccessible = asAccessible;
                        adoptHold(answer);
                        answered.accept(answer);
                    }
                },
                problem -> {
                    if (gen == generation) {
                        refused.accept(problem);
                    }
                });
    }

    /**
     * Accessible mode on or off (the kiosk's ♿ button): holds asked for from now on are accessible ones, which may
     * have wheelchair spaces and companion seats. It belongs to the person at the kiosk, so it outlives a sale; the
     * idle reset turns it off for the next person.
     */
    public void setAccessible(boolean on) {
        accessible.set(on);
    }

    /** Asks for more time on the hold; the longer hold replaces it, then {@code extended} hears of it. */
    public void extend(Runnable extended, Consumer<ApiProblem> failed) {
        HoldView current = hold.get();
        if (current == null) {
            return;
        }
        UUID id = current.holdId();
        SeatHolds server = holds.get();
        long gen = generation;
        tasks.run(
                () -> server.extend(id),
                longer -> {
                    HoldView now = hold.get();
                    if (gen == generation && now != null && now.holdId().equals(longer.holdId())) {
                        adoptHold(longer);
                        extended.run();
                    }
                },
                problem -> {
                    if (gen == generation) {
                        failed.accept(problem);
                    }
                });
    }

    /** The price of the hold's tickets as the server made it (the unpaid order, replaced on every change). */
    public void priced(OrderView priced) {
        if (!isPaid()) {
            order.set(priced);
        }
    }

    /**
     * The order is paid: the sale is done and shows its result until the next begins. The hold is retired here (its
     * seats are sold), so no screen can take it up again and no reset gives it back.
     */
    public void paid(PaymentResult result) {
        payment.set(result);
        hold.set(null);
        countdown = null;
        generation++;
    }

    /** Gives the unpaid hold back to the server (in the background) and forgets it; the showtime stays chosen. */
    public void release() {
        HoldView held = hold.get();
        generation++;
        hold.set(null);
        countdown = null;
        giveBack(held);
    }

    /**
     * Takes the unpaid hold out of the sale and answers the blocking work that gives it back, for whoever must
     * release it before something else (signing out before the clerk's token ends). Run the answer off the FX thread.
     */
    public Runnable detachHold() {
        HoldView held = hold.get();
        generation++;
        hold.set(null);
        countdown = null;
        if (held == null || isPaid()) {
            return () -> {};
        }
        SeatHolds server = holds.get();
        return () -> server.release(held.holdId());
    }

    /** Answers of the hold requests on their way will not be delivered; a hold one of them grants is given back. */
    public void dropAnswers() {
        generation++;
    }

    /** The hold ended on the server (expired, or refused as no longer active): forgets it without telling the server. */
    public void holdLost() {
        generation++;
        hold.set(null);
        countdown = null;
    }

    /** Ends this sale: an unpaid hold goes back to the server (in the background), and everything is forgotten. */
    public void startOver() {
        release();
        forget();
    }

    /** Forgets everything of this sale without telling the server (its hold is gone, paid or lost). */
    public void forget() {
        generation++;
        countdown = null;
        payment.set(null);
        order.set(null);
        hold.set(null);
        showtime.set(null);
    }

    // ---- what it shows -----------------------------------------------------------------------------------------

    /**
     * The hold's countdown, counted from when this terminal first looked at the hold: {@code clock} is the terminal's
     * clock of the screen asking. A later screen gets the same countdown, so it never gives back the time spent
     * before. Null without a hold.
     */
    public HoldCountdown countdown(Clock clock) {
        HoldView held = hold.get();
        if (held == null || held.expiresAt() == null) {
            return null;
        }
        if (countdown == null || countdown.hold() != held) {
            countdown = HoldCountdown.of(held, clock.instant());
        }
        return countdown;
    }

    /** True once the order is paid, until the next sale starts. */
    public boolean isPaid() {
        return payment.get() != null;
    }

    /** True while the sale has an unpaid, active hold on {@code showtimeId} that a seat map may carry on with. */
    public boolean holdsSeatsOf(long showtimeId) {
        HoldView held = hold.get();
        return held != null && !isPaid() && held.showtimeId() == showtimeId && held.status() == HoldStatus.ACTIVE;
    }

    /** True in accessible mode: see {@link #setAccessible(boolean)}. */
    public ReadOnlyBooleanProperty accessibleProperty() {
        return accessible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ShowtimeListing> showtimeProperty() {
        return showtime.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> theaterIdProperty() {
        return theaterId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HoldView> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OrderView> orderProperty() {
        return order.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PaymentResult> paymentProperty() {
        return payment.getReadOnlyProperty();
    }

    private void giveBackLate(HoldView answer) {
        if (answer != null && answer.status() == HoldStatus.ACTIVE) {
            giveBack(answer);
        }
    }

    private void giveBack(HoldView held) {
        if (held != null && !isPaid()) {
            SeatHolds server = holds.get();
            tasks.fireAndForget(() -> server.release(held.holdId()));
        }
    }
}
