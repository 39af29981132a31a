package org.marquee.kiosk.seatmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.core.Tasks;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * The seat map on screen: every seat's status as last known (the server's map, corrected by what this terminal's own
 * requests taught it and by live events of other terminals' changes) and the version of the server's map it stands
 * for. Reads the map again when told of a newer one; an answer older than what live events already brought is
 * dropped.
 */
final class ShownSeats {

    private final Map<String, SeatView> seats = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<SeatMap> seatMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final SeatHolds server;
    private final Tasks tasks;
    private final Consumer<ApiProblem> problem;
    private long showtimeId;
    /** Counts the showtimes shown: a read that answers after another began is dropped. */
    private long round;
    /** Newest version announced while the map was being read: read again if the answer is older. */
    private long announced;

    ShownSeats(SeatHolds server, Tasks tasks, Consumer<ApiProblem> problem) {
        this.server = server;
        this.tasks = tasks;
        this.problem = problem;
    }

    /** Shows {@code showtime} (0: none); another showtime's seats are forgotten at once. */
    void showtime(long showtime) {
        showtimeId = showtime;
        round++;
        if (showtime == 0 || seatMap.get() == null || seatMap.get().showtimeId() != showtime) {
            seats.clear();
            seatMap.set(null);
        }
    }

    void reload() {
        loading.set(true);
        announced = 0;
        long reading = showtimeId;
        long mine = round;
        tasks.run(
                () -> server.seatMap(reading),
                map -> {
                    if (mine != round) {
                        return;
                    }
                    loading.set(false);
                    if (map.version() < version()) {
                        return; // live events already brought the map further
                    }
                    seats.clear();
                    map.seats().forEach(seat -> seats.put(seat.id(), seat));
                    publish(map.version());
                    if (announced > map.version()) {
                        reload();
                    }
                },
                failure -> {
                    if (mine != round) {
                        return;
                    }
                    loading.set(false);
                    problem.accept(failure);
                });
    }

    /** Reads the map again for news of {@code newer}: now, or once the read on its way has answered. */
    void reread(long newer) {
        if (loading.get()) {
            announced = Math.max(announced, newer);
        } else {
            reload();
        }
    }

    /**
     * True when a live event of {@code eventVersion} is to be applied: newer than the map, which is not being read.
     * While it is, the event is remembered and the map read again if the answer turns out older.
     */
    boolean accepts(long eventVersion) {
        if (eventVersion <= version()) {
            return false;
        }
        if (loading.get() || seatMap.get() == null) {
            reread(eventVersion);
            return false;
        }
        return true;
    }

    /**
     * Applies a live event's changes, except to the seats {@code keep} names, and shows the map at {@code version};
     * answers the seats that went from free to held or sold: someone else took them.
     */
    List<String> apply(long version, List<SeatChange> changes, Predicate<String> keep) {
        List<String> taken = new ArrayList<>();
        for (SeatChange change : changes) {
            SeatView seat = seats.get(change.seatId());
            if (seat == null || keep.test(change.seatId())) {
                continue;
            }
            if (seat.status() == SeatStatus.AVAILABLE && takes(change.status())) {
                taken.add(seat.id());
            }
            seats.put(seat.id(), withStatus(seat, change.status()));
        }
        publish(version);
        return taken;
    }

    SeatView get(String seatId) {
        return seats.get(seatId);
    }

    /** What this terminal's own request changed: never a seat sold or blocked. */
    void set(String seatId, SeatStatus status) {
        SeatView seat = seats.get(seatId);
        if (seat != null && seat.status() != SeatStatus.SOLD && seat.status() != SeatStatus.BLOCKED) {
            seats.put(seatId, withStatus(seat, status));
        }
    }

    /** Shows the seats as they are now, at the same version. */
    void publish() {
        publish(version());
    }

    /** The version of the server's map shown; 0 before there is one. */
    long version() {
        return seatMap.get() == null ? 0 : seatMap.get().version();
    }

    ReadOnlyObjectProperty<SeatMap> seatMapProperty() {
        return seatMap.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True for a status that makes a seat unavailable to others: held or sold. */
    static boolean takes(SeatStatus status) {
        return status == SeatStatus.HELD || status == SeatStatus.SOLD;
    }

    private void publish(long version) {
        if (showtimeId != 0 && !seats.isEmpty()) {
            seatMap.set(new SeatMap(showtimeId, version, new ArrayList<>(seats.values())));
        }
    }

    private static SeatView withStatus(SeatView seat, SeatStatus status) {
        return new SeatView(
                seat.id(), seat.row(), seat.number(), seat.x(), seat.y(), seat.type(), status, seat.restriction());
    }
}
