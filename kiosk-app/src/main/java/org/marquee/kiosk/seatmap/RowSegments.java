package org.marquee.kiosk.seatmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;

/**
 * A seat map cut as the server cuts a hall for its seat rules (DESIGN §8, decision 0015): rows from the screen
 * backwards, each cut into segments of seats side by side between aisles, gaps and the row's ends. It answers which
 * windows of seats side by side a kiosk may ask for, and whether taking one would leave a single seat alone. Plain
 * Java over the wire records: no JavaFX, no network.
 */
final class RowSegments {

    /** Seats side by side in one row, left to right, with no aisle or gap between them. */
    record Segment(String row, int rowIndex, List<SeatView> seats) {}

    private final List<Segment> segments;
    private final int rows;
    private final double centreX;

    private RowSegments(List<Segment> segments, int rows, double centreX) {
        this.segments = segments;
        this.rows = rows;
        this.centreX = centreX;
    }

    static RowSegments of(SeatMap map) {
        if (map == null || map.seats().isEmpty()) {
            return new RowSegments(List.of(), 0, 0);
        }
        Map<Integer, List<SeatView>> byRow = new TreeMap<>();
        map.seats()
                .forEach(seat ->
                        byRow.computeIfAbsent(seat.y(), y -> new ArrayList<>()).add(seat));
        List<Segment> cut = new ArrayList<>();
        int index = 0;
        for (List<SeatView> row : byRow.values()) {
            row.sort(Comparator.comparingInt(SeatView::x));
            List<SeatView> run = new ArrayList<>();
            for (SeatView seat : row) {
                if (!run.isEmpty() && seat.x() != run.getLast().x() + 1) {
                    cut.add(new Segment(run.getFirst().row(), index, List.copyOf(run)));
                    run = new ArrayList<>();
                }
                run.add(seat);
            }
            cut.add(new Segment(run.getFirst().row(), index, List.copyOf(run)));
            index++;
        }
        int minX = map.seats().stream().mapToInt(SeatView::x).min().orElse(0);
        int maxX = map.seats().stream().mapToInt(SeatView::x).max().orElse(0);
        return new RowSegments(List.copyOf(cut), index, (minX + maxX) / 2.0);
    }

    List<Segment> segments() {
        return segments;
    }

    /** The segment that has {@code seatId}, or null. */
    Segment segmentOf(String seatId) {
        for (Segment segment : segments) {
            for (SeatView seat : segment.seats()) {
                if (seat.id().equals(seatId)) {
                    return segment;
                }
            }
        }
        return null;
    }

    /** The middle of the layout's widest extent, in columns. */
    double centreX() {
        return centreX;
    }

    /**
     * How good a window is, as the server scores best available (decision 0015): its distance from the row two thirds
     * of the way back from the screen, plus half its distance from the hall's centre. Lower is better.
     */
    double score(Segment segment, List<SeatView> window) {
        double idealRow = (rows - 1) * 2 / 3.0;
        return Math.abs(segment.rowIndex() - idealRow) + 0.5 * Math.abs(centre(window) - centreX);
    }

    static double centre(List<SeatView> window) {
        return (window.getFirst().x() + window.getLast().x()) / 2.0;
    }

    /** Every window of {@code count} seats side by side in {@code segment} that {@code free} accepts seat by seat. */
    static List<List<SeatView>> windows(Segment segment, int count, Predicate<SeatView> free) {
        List<List<SeatView>> found = new ArrayList<>();
        List<SeatView> seats = segment.seats();
        for (int start = 0; start + count <= seats.size(); start++) {
            List<SeatView> window = seats.subList(start, start + count);
            if (window.stream().allMatch(free)) {
                found.add(List.copyOf(window));
            }
        }
        return found;
    }

    /**
     * True when taking {@code window} would leave a free standard or premium seat of the segment alone, which it was
     * not before: the server's single-seat rule (DESIGN §8), which refuses such a hold when another choice exists.
     * {@code free} says which seats are free now (this terminal's own seats count as free: a move gives them back).
     */
    static boolean strands(Segment segment, List<SeatView> window, Predicate<SeatView> free) {
        List<SeatView> seats = segment.seats();
        for (int i = 0; i < seats.size(); i++) {
            SeatView seat = seats.get(i);
            if (window.contains(seat) || !free.test(seat) || !counted(seat)) {
                continue;
            }
            boolean aloneBefore = alone(seats, i, free);
            boolean aloneAfter = alone(seats, i, free.and(other -> !window.contains(other)));
            if (aloneAfter && !aloneBefore) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a kiosk may have {@code seat} now: free, not kept for the box office, and a wheelchair space or
     * companion seat only when it asks as accessible or they are released to everyone (no restriction shown).
     */
    static boolean freeFor(SeatView seat, boolean accessible) {
        if (seat.status() != SeatStatus.AVAILABLE) {
            return false;
        }
        return seat.restriction() == null || (seat.restriction() == SeatRestriction.ACCESSIBLE && accessible);
    }

    /** Wheelchair spaces and companion seats: not counted by the single-seat rule, either way. */
    static boolean accessibleType(SeatView seat) {
        return seat.type() == SeatType.WHEELCHAIR || seat.type() == SeatType.COMPANION;
    }

    /** No more companion seats than wheelchair spaces: a companion seat goes with a wheelchair space of the hold. */
    static boolean companionsFit(List<SeatView> window) {
        long wheelchairs = window.stream()
                .filter(seat -> seat.type() == SeatType.WHEELCHAIR)
                .count();
        long companions = window.stream()
                .filter(seat -> seat.type() == SeatType.COMPANION)
                .count();
        return companions <= wheelchairs;
    }

    private static boolean counted(SeatView seat) {
        return !accessibleType(seat);
    }

    private static boolean alone(List<SeatView> seats, int i, Predicate<SeatView> free) {
        boolean left = i > 0 && free.test(seats.get(i - 1)) && counted(seats.get(i - 1));
        boolean right = i + 1 < seats.size() && free.test(seats.get(i + 1)) && counted(seats.get(i + 1));
        return !left && !right;
    }
}
