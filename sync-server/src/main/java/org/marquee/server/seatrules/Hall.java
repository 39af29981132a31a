package org.marquee.server.seatrules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;

/**
 * An auditorium as the seat rules see it: each row cut into segments of seats side by side, an aisle, a gap or the
 * row's end closing a segment. No rule ever looks across a segment's end.
 */
public final class Hall {

    /** Seats side by side in one row, left to right, between two aisles, gaps or row ends. */
    public record Segment(String row, int y, int index, List<SeatDefinition> seats) {
        /**
         * The name of the lock of the place at {@code position}: a hold bound by the single-seat rule locks the places
         * beside its seats, the only seats it could leave alone (decision 0015).
         */
        public String lockKey(int position) {
            return row + ":" + index + ":" + position;
        }

        /** The locks of every place of the segment: what a best-available choice that may move within it takes. */
        public List<String> lockKeys() {
            List<String> keys = new ArrayList<>();
            for (int p = 0; p < seats.size(); p++) {
                keys.add(lockKey(p));
            }
            return keys;
        }
    }

    private record Place(Segment segment, int position) {}

    private final List<Segment> segments;
    private final Map<String, Place> places;
    private final Map<String, SeatDefinition> seats;
    private final int maxY;
    private final double centreX;

    private Hall(List<Segment> segments, Map<String, Place> places, Map<String, SeatDefinition> seats) {
        this.segments = List.copyOf(segments);
        this.places = places;
        this.seats = seats;
        this.maxY = seats.values().stream().mapToInt(SeatDefinition::y).max().orElse(0);
        int minX = seats.values().stream().mapToInt(SeatDefinition::x).min().orElse(0);
        int maxX = seats.values().stream().mapToInt(SeatDefinition::x).max().orElse(0);
        this.centreX = (minX + maxX) / 2.0;
    }

    public static Hall of(SeatLayout layout) {
        List<SeatDefinition> sorted = new ArrayList<>(layout.seats());
        sorted.sort(Comparator.comparingInt(SeatDefinition::y).thenComparingInt(SeatDefinition::x));
        List<Segment> segments = new ArrayList<>();
        Map<String, Place> places = new HashMap<>();
        Map<String, SeatDefinition> seats = new HashMap<>();
        List<SeatDefinition> current = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < sorted.size(); i++) {
            SeatDefinition seat = sorted.get(i);
            seats.put(seat.id(), seat);
            current.add(seat);
            SeatDefinition next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            boolean rowEnds = next == null || next.y() != seat.y();
            if (rowEnds || next.x() != seat.x() + 1) {
                Segment segment = new Segment(seat.row(), seat.y(), index, List.copyOf(current));
                for (int p = 0; p < current.size(); p++) {
                    places.put(current.get(p).id(), new Place(segment, p));
                }
                segments.add(segment);
                current.clear();
                index = rowEnds ? 0 : index + 1;
            }
        }
        return new Hall(segments, places, seats);
    }

    public List<Segment> segments() {
        return segments;
    }

    /** True when no segment of the same row lies right of {@code segment}. */
    public boolean lastInRow(Segment segment) {
        int i = segments.indexOf(segment);
        return i + 1 == segments.size() || segments.get(i + 1).y() != segment.y();
    }

    public SeatDefinition seat(String id) {
        return seats.get(id);
    }

    public boolean has(String id) {
        return seats.containsKey(id);
    }

    public Segment segmentOf(String seatId) {
        return places.get(seatId).segment();
    }

    /**
     * The locks a hold of {@code take} takes when the single-seat rule binds it, sorted: those of the places beside
     * its seats in their segments (not its own). Only a seat beside a taken one can be left alone, so two holds that
     * could strand a seat together both lock that seat's place and are decided one after the other, while holds
     * further apart in the same row do not wait for each other.
     */
    public List<String> neighbourLocks(Collection<String> take) {
        Set<String> keys = new TreeSet<>();
        for (String id : take) {
            Place place = places.get(id);
            List<SeatDefinition> row = place.segment().seats();
            for (int p : new int[] {place.position() - 1, place.position() + 1}) {
                if (p >= 0 && p < row.size() && !take.contains(row.get(p).id())) {
                    keys.add(place.segment().lockKey(p));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** Position of the seat within its segment, from 0 at the left. */
    public int positionOf(String seatId) {
        return places.get(seatId).position();
    }

    /** The row nearest two thirds of the way back from the screen: where most people like to sit. */
    public double idealY() {
        return maxY * 2.0 / 3.0;
    }

    /** The horizontal centre of the hall, facing the middle of the screen. */
    public double centreX() {
        return centreX;
    }
}
