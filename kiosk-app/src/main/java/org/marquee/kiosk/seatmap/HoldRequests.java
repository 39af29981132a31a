package org.marquee.kiosk.seatmap;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.marquee.kiosk.app.Tasks;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.SeatMap;

/**
 * The seat map's requests, off the FX thread: at most one change of the hold on its way at a time, and answers that
 * arrive after {@link #startOver()} (another showtime, the hold lost, the screen left) dropped; a hold such a late
 * answer grants is given back, since nobody wants its seats any more.
 */
final class HoldRequests {

    private final MarqueeClient client;
    private final Tasks tasks;
    private boolean inFlight;
    private List<String> sending = List.of();
    private long generation;

    HoldRequests(MarqueeClient client, Tasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** Forgets every request on its way: their answers will not be delivered. */
    void startOver() {
        generation++;
        inFlight = false;
        sending = List.of();
    }

    /** True while a change of the hold is on its way. */
    boolean inFlight() {
        return inFlight;
    }

    /** True while {@code seatId} is among the seats of the change on its way. */
    boolean sending(String seatId) {
        return inFlight && sending.contains(seatId);
    }

    void seatMap(long showtimeId, Consumer<SeatMap> done, Consumer<ApiProblem> failed) {
        long gen = generation;
        tasks.run(() -> client.seatMap(showtimeId), current(gen, done), current(gen, failed));
    }

    /**
     * Makes the hold have exactly {@code wanted}: creates it, replaces its seats, or releases it when none are wanted.
     * Sends nothing, and answers false, while another change is on its way or when the hold already has these seats.
     * The callbacks get the seats held before the request.
     */
    boolean change(
            long showtimeId,
            HoldView hold,
            List<String> wanted,
            BiConsumer<HoldView, List<String>> answered,
            BiConsumer<ApiProblem, List<String>> refused) {
        List<String> held = hold == null ? List.of() : hold.seatIds();
        if (inFlight || new HashSet<>(wanted).equals(new HashSet<>(held))) {
            return false;
        }
        inFlight = true;
        sending = List.copyOf(wanted);
        long gen = generation;
        UUID holdId = hold == null ? null : hold.holdId();
        Callable<HoldView> call;
        if (holdId == null) {
            call = () -> client.hold(showtimeId, wanted);
        } else if (wanted.isEmpty()) {
            call = () -> {
                client.release(holdId);
                return null;
            };
        } else {
            call = () -> client.changeSeats(holdId, wanted);
        }
        tasks.run(
                call,
                answer -> {
                    if (gen != generation) {
                        releaseLate(answer);
                    } else {
                        inFlight = false;
                        answered.accept(answer, held);
                    }
                },
                problem -> {
                    if (gen == generation) {
                        inFlight = false;
                        refused.accept(problem, held);
                    }
                });
        return true;
    }

    void extend(UUID holdId, Consumer<HoldView> done, Consumer<ApiProblem> failed) {
        long gen = generation;
        tasks.run(() -> client.extend(holdId), current(gen, done), current(gen, failed));
    }

    /** Gives the hold back without waiting for the answer (leaving the screen, say). */
    void release(HoldView hold) {
        if (hold != null) {
            tasks.fireAndForget(() -> client.release(hold.holdId()));
        }
    }

    private void releaseLate(HoldView answer) {
        if (answer != null && answer.status() == HoldStatus.ACTIVE) {
            release(answer);
        }
    }

    private <T> Consumer<T> current(long gen, Consumer<T> then) {
        return value -> {
            if (gen == generation) {
                then.accept(value);
            }
        };
    }
}
