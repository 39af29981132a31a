package org.marquee.server.seatrules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatType;

/**
 * Single-seat gaps (DESIGN §8): a free standard or premium seat whose neighbours on both sides are taken, or an aisle,
 * a gap, the row's end, a seat out of service or a wheelchair space or companion seat (which are never counted as a
 * single themselves, and never make a neighbour less alone).
 */
public final class Gaps {

    private Gaps() {}

    /**
     * The seats that taking {@code take} would leave alone, given the seats already {@code taken}; a seat that was
     * already alone before (stranded by an earlier sale, expiry or release) is not counted: it is not this hold's
     * doing. Sorted by seat id.
     */
    public static List<String> stranded(Hall hall, Set<String> taken, Collection<String> take) {
        // taken after the hold, without copying the showtime's taken seats (a few asked seats, hundreds taken)
        Predicate<String> after = id -> taken.contains(id) || take.contains(id);
        Set<Hall.Segment> touched = new LinkedHashSet<>();
        for (String seat : take) {
            touched.add(hall.segmentOf(seat));
        }
        Set<String> stranded = new TreeSet<>();
        for (Hall.Segment segment : touched) {
            List<SeatDefinition> seats = segment.seats();
            for (int i = 0; i < seats.size(); i++) {
                if (alone(seats, i, after) && !alone(seats, i, taken::contains)) {
                    stranded.add(seats.get(i).id());
                }
            }
        }
        return List.copyOf(stranded);
    }

    /** True when seat {@code i} of the segment is a free countable seat with no free countable neighbour. */
    static boolean alone(List<SeatDefinition> seats, int i, Predicate<String> taken) {
        return open(seats, i, taken) && !open(seats, i - 1, taken) && !open(seats, i + 1, taken);
    }

    private static boolean open(List<SeatDefinition> seats, int i, Predicate<String> taken) {
        if (i < 0 || i >= seats.size()) {
            return false;
        }
        SeatDefinition seat = seats.get(i);
        return countable(seat) && !taken.test(seat.id());
    }

    /** Standard and premium seats in service: the only seats the rule counts. */
    public static boolean countable(SeatDefinition seat) {
        return !seat.blocked() && (seat.type() == SeatType.STANDARD || seat.type() == SeatType.PREMIUM);
    }

    /** Why a seat is alone, for a person: its two sides as the hold would leave them. */
    public static String why(Hall hall, String seatId, Predicate<String> takenAfter) {
        Hall.Segment segment = hall.segmentOf(seatId);
        int p = hall.positionOf(seatId);
        String left = p == 0 && segment.index() == 0 ? "the end of the row" : side(segment.seats(), p - 1, takenAfter);
        String right = p == segment.seats().size() - 1 && hall.lastInRow(segment)
                ? "the end of the row"
                : side(segment.seats(), p + 1, takenAfter);
        if (left.equals("taken") && right.equals("taken")) {
            return "between two taken seats";
        }
        if (left.equals("taken") || right.equals("taken")) {
            String other = left.equals("taken") ? right : left;
            return "between a taken seat and " + other;
        }
        return "between " + left + " and " + right;
    }

    private static String side(List<SeatDefinition> seats, int i, Predicate<String> taken) {
        if (i < 0 || i >= seats.size()) {
            return "the aisle";
        }
        SeatDefinition seat = seats.get(i);
        if (taken.test(seat.id())) {
            return "taken";
        }
        if (seat.blocked()) {
            return "a seat out of service";
        }
        return seat.type() == SeatType.COMPANION ? "a companion seat" : "a wheelchair space";
    }
}
