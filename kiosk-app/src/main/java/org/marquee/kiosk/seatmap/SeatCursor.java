package org.marquee.kiosk.seatmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * The keyboard's place on the seat map: the seat under the focus ring. It starts on a good free seat (the one nearest
 * the middle of the hall, a little behind its centre), the arrow keys move it to the neighbouring seat in that
 * direction (across an aisle, to the nearest seat of the next row), and a number key asks for that many seats side
 * by side from it. Plain state, no Node: the view draws the ring and turns keys into calls.
 */
public final class SeatCursor {

    /** A direction an arrow key moves the ring. */
    public enum Direction {
        LEFT,
        RIGHT,
        UP,
        DOWN
    }

    private final ReadOnlyStringWrapper focused = new ReadOnlyStringWrapper();
    private List<SeatView> seats = List.of();

    /** The seat map shown now: the ring stays on its seat, or goes to a good free seat when it has none. */
    public void show(SeatMap map) {
        seats = map == null ? List.of() : map.seats();
        if (seats.isEmpty()) {
            focused.set(null);
        } else if (seat(focused.get()) == null) {
            focused.set(startSeat().id());
        }
    }

    /** Puts the ring on {@code seatId} (a tap), if the map has it. */
    public void focus(String seatId) {
        if (seat(seatId) != null) {
            focused.set(seatId);
        }
    }

    /** Moves the ring one seat in {@code direction}; at the edge of the hall it stays. */
    public void move(Direction direction) {
        SeatView from = seat(focused.get());
        if (from == null) {
            return;
        }
        SeatView to = switch (direction) {
            case LEFT, RIGHT -> sideways(from, direction == Direction.RIGHT ? 1 : -1);
            case UP, DOWN -> nextRow(from, direction == Direction.DOWN ? 1 : -1);
        };
        if (to != null) {
            focused.set(to.id());
        }
    }

    /**
     * Up to {@code count} seats side by side in the ring's row, starting at the ring and going right, then left when
     * the row ends: seats free or already {@code mine}, without a gap (an aisle or a taken seat ends the run). Empty
     * when the ring is on a seat nobody may take.
     */
    public List<String> block(int count, Set<String> mine) {
        SeatView start = seat(focused.get());
        if (start == null || !takeable(start, mine)) {
            return List.of();
        }
        List<SeatView> row = seats.stream()
                .filter(seat -> seat.y() == start.y())
                .sorted(Comparator.comparingInt(SeatView::x))
                .toList();
        int at = row.indexOf(start);
        List<String> chosen = new ArrayList<>(List.of(start.id()));
        for (int i = at + 1; i < row.size() && chosen.size() < count; i++) {
            if (!takeable(row.get(i), mine) || row.get(i).x() != row.get(i - 1).x() + 1) {
                break;
            }
            chosen.add(row.get(i).id());
        }
        for (int i = at - 1; i >= 0 && chosen.size() < count; i--) {
            if (!takeable(row.get(i), mine) || row.get(i).x() != row.get(i + 1).x() - 1) {
                break;
            }
            chosen.add(0, row.get(i).id());
        }
        return List.copyOf(chosen);
    }

    /** The seat under the ring, or null before there is a map. */
    public ReadOnlyStringProperty focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    private static boolean takeable(SeatView seat, Set<String> mine) {
        return seat.status() == SeatStatus.AVAILABLE || mine.contains(seat.id());
    }

    private SeatView sideways(SeatView from, int step) {
        return seats.stream()
                .filter(seat -> seat.y() == from.y() && Integer.signum(seat.x() - from.x()) == step)
                .min(Comparator.comparingInt(seat -> Math.abs(seat.x() - from.x())))
                .orElse(null);
    }

    private SeatView nextRow(SeatView from, int step) {
        return seats.stream()
                .filter(seat -> Integer.signum(seat.y() - from.y()) == step)
                .min(Comparator.<SeatView>comparingInt(seat -> Math.abs(seat.y() - from.y()))
                        .thenComparingInt(seat -> Math.abs(seat.x() - from.x())))
                .orElse(null);
    }

    /** The free seat nearest the middle of the hall, two thirds of the way back; any seat when none is free. */
    private SeatView startSeat() {
        int minX = seats.stream().mapToInt(SeatView::x).min().orElse(0);
        int maxX = seats.stream().mapToInt(SeatView::x).max().orElse(0);
        int minY = seats.stream().mapToInt(SeatView::y).min().orElse(0);
        int maxY = seats.stream().mapToInt(SeatView::y).max().orElse(0);
        double x = (minX + maxX) / 2.0;
        double y = minY + (maxY - minY) * 2 / 3.0;
        Comparator<SeatView> nearest =
                Comparator.comparingDouble(seat -> Math.pow(seat.x() - x, 2) + Math.pow((seat.y() - y) * 1.5, 2));
        return seats.stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE)
                .min(nearest)
                .orElseGet(() -> seats.stream().min(nearest).orElseThrow());
    }

    private SeatView seat(String seatId) {
        if (seatId == null) {
            return null;
        }
        for (SeatView seat : seats) {
            if (seat.id().equals(seatId)) {
                return seat;
            }
        }
        return null;
    }
}
