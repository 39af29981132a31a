package org.marquee.server.seatrules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatType;

/**
 * Finds the best {@code count} seats for a caller (DESIGN §8, decision 0015): side by side in one segment of a row
 * (never across an aisle) and leaving no single seat when such a block exists; then a block that leaves one; then side
 * by side across an aisle; then the best seats one by one. Blocks are scored by distance from the row about two thirds
 * back from the screen and from the centre of the hall.
 */
public final class BestAvailable {

    /** How much a column off centre weighs against a row off the ideal one. */
    static final double COLUMN_WEIGHT = 0.5;

    private BestAvailable() {}

    /** What the caller may have and asks for. */
    public record Ask(int count, Predicate<SeatDefinition> eligible, boolean accessible, boolean companionRule) {}

    private record Candidate(List<String> seats, int tier, double score) {}

    /** The best seats, or empty when fewer than {@code count} seats are free for the caller. */
    public static Optional<List<String>> choose(ShowtimeRules rules, Set<String> taken, Ask ask) {
        Hall hall = rules.hall();
        Candidate best = null;
        for (Hall.Segment segment : hall.segments()) {
            for (List<SeatDefinition> window : windows(segment.seats(), ask.count())) {
                Candidate candidate = candidate(rules, taken, ask, window);
                if (candidate != null && better(candidate, best)) {
                    best = candidate;
                }
            }
        }
        if (best != null) {
            return Optional.of(best.seats());
        }
        return acrossAisles(rules, taken, ask).or(() -> oneByOne(rules, taken, ask));
    }

    /**
     * The best block within {@code segment} alone, leaving no single seat when {@code gapFree}: for a choice that lost
     * its block to another request but holds the segment's lock, so that it can take the next block there at once.
     */
    public static Optional<List<String>> chooseWithin(
            ShowtimeRules rules, Set<String> taken, Ask ask, Hall.Segment segment, boolean gapFree) {
        Candidate best = null;
        for (List<SeatDefinition> window : windows(segment.seats(), ask.count())) {
            Candidate candidate = candidate(rules, taken, ask, window);
            if (candidate != null && (!gapFree || candidate.tier() <= 1) && better(candidate, best)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best).map(Candidate::seats);
    }

    /** True when {@code count} seats side by side in one segment are free for the caller and leave no single seat. */
    public static boolean gapFreeBlockExists(ShowtimeRules rules, Set<String> taken, Ask ask) {
        for (Hall.Segment segment : rules.hall().segments()) {
            for (List<SeatDefinition> window : windows(segment.seats(), ask.count())) {
                Candidate candidate = candidate(rules, taken, ask, window);
                if (candidate != null && candidate.tier() <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A window as a candidate, or null when a seat in it is taken or not for the caller. Tiers: 0 a block with a
     * wheelchair space for an accessible caller, 1 any block leaving no single seat, 2 a block that leaves one.
     */
    private static Candidate candidate(ShowtimeRules rules, Set<String> taken, Ask ask, List<SeatDefinition> window) {
        List<String> ids = new ArrayList<>(window.size());
        boolean wheelchair = false;
        for (SeatDefinition seat : window) {
            if (taken.contains(seat.id()) || !ask.eligible().test(seat)) {
                return null;
            }
            wheelchair |= seat.type() == SeatType.WHEELCHAIR;
            ids.add(seat.id());
        }
        if (ask.companionRule() && !rules.lonelyCompanions(ids).isEmpty()) {
            return null;
        }
        int tier;
        if (!Gaps.stranded(rules.hall(), taken, ids).isEmpty()) {
            tier = 2;
        } else {
            tier = ask.accessible() && wheelchair ? 0 : 1;
        }
        return new Candidate(ids, tier, score(rules.hall(), window));
    }

    private static boolean better(Candidate candidate, Candidate best) {
        return best == null
                || candidate.tier() < best.tier()
                || (candidate.tier() == best.tier() && candidate.score() < best.score());
    }

    static double score(Hall hall, List<SeatDefinition> seats) {
        double x = seats.stream().mapToInt(SeatDefinition::x).average().orElse(0);
        double y = seats.stream().mapToInt(SeatDefinition::y).average().orElse(0);
        return Math.abs(y - hall.idealY()) + COLUMN_WEIGHT * Math.abs(x - hall.centreX());
    }

    private static List<List<SeatDefinition>> windows(List<SeatDefinition> seats, int count) {
        List<List<SeatDefinition>> windows = new ArrayList<>();
        for (int from = 0; from + count <= seats.size(); from++) {
            windows.add(seats.subList(from, from + count));
        }
        return windows;
    }

    /** No segment fits the block: seats side by side in one row, an aisle between them. */
    private static Optional<List<String>> acrossAisles(ShowtimeRules rules, Set<String> taken, Ask ask) {
        Candidate best = null;
        List<SeatDefinition> row = new ArrayList<>();
        List<Hall.Segment> segments = rules.hall().segments();
        for (int i = 0; i < segments.size(); i++) {
            row.addAll(segments.get(i).seats());
            boolean rowEnds = i + 1 == segments.size()
                    || segments.get(i + 1).y() != segments.get(i).y();
            if (!rowEnds) {
                continue;
            }
            for (List<SeatDefinition> window : windows(row, ask.count())) {
                Candidate candidate = candidate(rules, taken, ask, window);
                if (candidate != null && better(candidate, best)) {
                    best = candidate;
                }
            }
            row = new ArrayList<>();
        }
        return Optional.ofNullable(best).map(Candidate::seats);
    }

    /** The best free seats one by one, when no row has the block. */
    private static Optional<List<String>> oneByOne(ShowtimeRules rules, Set<String> taken, Ask ask) {
        List<SeatDefinition> free = new ArrayList<>();
        for (Hall.Segment segment : rules.hall().segments()) {
            for (SeatDefinition seat : segment.seats()) {
                if (!taken.contains(seat.id()) && ask.eligible().test(seat)) {
                    free.add(seat);
                }
            }
        }
        if (free.size() < ask.count()) {
            return Optional.empty();
        }
        free.sort(Comparator.comparingDouble(seat -> score(rules.hall(), List.of(seat))));
        List<String> chosen = new ArrayList<>();
        for (SeatDefinition seat : free) {
            chosen.add(seat.id());
            if (ask.companionRule() && !rules.lonelyCompanions(chosen).isEmpty()) {
                chosen.removeLast();
            }
            if (chosen.size() == ask.count()) {
                return Optional.of(List.copyOf(chosen));
            }
        }
        return Optional.empty();
    }
}
