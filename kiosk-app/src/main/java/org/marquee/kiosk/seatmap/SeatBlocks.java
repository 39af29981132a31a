package org.marquee.kiosk.seatmap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;

/**
 * The seat blocks a kiosk may offer for {@code count} tickets, computed from the seat map: the list accessible mode
 * shows instead of the map ("2 seats together, row F, centre"; "Wheelchair space with companion seat, row A"), and
 * the check whether any block of seats side by side is left before asking the server for one. A block is seats side
 * by side in one segment of a row (never across an aisle or gap), all free for a kiosk (never a house seat; a
 * wheelchair space or companion seat only for an accessible request while they are kept), preferring blocks that
 * leave no single seat alone, scored as the server scores best available.
 */
public final class SeatBlocks {

    /** Most entries in the list: enough to choose from, few enough to read aloud. */
    public static final int LIST_LIMIT = 8;

    private SeatBlocks() {}

    /**
     * The list for {@code count} tickets: wheelchair blocks first when {@code accessible} (a wheelchair space with
     * at most one companion seat each, side by side), then the best block of ordinary seats of each row segment, best
     * first; at most {@link #LIST_LIMIT}. Seats in {@code mine} (this kiosk's own) count as free, so the block held
     * stays in the list.
     */
    public static List<SeatBlock> list(SeatMap map, int count, boolean accessible, Collection<String> mine) {
        if (count < 1) {
            return List.of();
        }
        RowSegments hall = RowSegments.of(map);
        List<Scored> wheelchair = new ArrayList<>();
        List<Scored> ordinary = new ArrayList<>();
        for (RowSegments.Segment segment : hall.segments()) {
            if (accessible) {
                best(
                                hall,
                                segment,
                                count,
                                mine,
                                seat -> free(seat, true, mine) && RowSegments.accessibleType(seat),
                                SeatBlocks::companionsFit)
                        .ifPresent(wheelchair::add);
            }
            best(
                            hall,
                            segment,
                            count,
                            mine,
                            seat -> free(seat, accessible, mine) && !RowSegments.accessibleType(seat),
                            window -> true)
                    .ifPresent(ordinary::add);
        }
        List<SeatBlock> blocks = new ArrayList<>();
        wheelchair.stream().sorted(BY_SCORE).forEach(scored -> blocks.add(block(hall, scored)));
        ordinary.stream().sorted(BY_SCORE).forEach(scored -> blocks.add(block(hall, scored)));
        return List.copyOf(blocks.subList(0, Math.min(LIST_LIMIT, blocks.size())));
    }

    /** True when some block of {@code count} ordinary seats side by side is free for a kiosk. */
    public static boolean anyTogether(SeatMap map, int count) {
        RowSegments hall = RowSegments.of(map);
        return hall.segments().stream()
                .anyMatch(segment -> !RowSegments.windows(segment, count, seat -> RowSegments.freeFor(seat, false))
                        .isEmpty());
    }

    /** True when {@code seatIds} are side by side in one segment of a row, with nothing between them. */
    public static boolean together(SeatMap map, List<String> seatIds) {
        if (seatIds.isEmpty()) {
            return false;
        }
        RowSegments hall = RowSegments.of(map);
        RowSegments.Segment segment = hall.segmentOf(seatIds.getFirst());
        if (segment == null) {
            return false;
        }
        List<Integer> xs = segment.seats().stream()
                .filter(seat -> seatIds.contains(seat.id()))
                .map(SeatView::x)
                .sorted()
                .toList();
        return xs.size() == seatIds.size() && xs.getLast() - xs.getFirst() == xs.size() - 1;
    }

    private record Scored(RowSegments.Segment segment, List<SeatView> seats, boolean strands, double score) {}

    private static final Comparator<Scored> BY_SCORE =
            Comparator.comparing(Scored::strands).thenComparingDouble(Scored::score);

    private static boolean free(SeatView seat, boolean accessible, Collection<String> mine) {
        return mine.contains(seat.id()) || RowSegments.freeFor(seat, accessible);
    }

    private static Optional<Scored> best(
            RowSegments hall,
            RowSegments.Segment segment,
            int count,
            Collection<String> mine,
            Predicate<SeatView> free,
            Predicate<List<SeatView>> allowed) {
        Predicate<SeatView> freeNow = seat -> mine.contains(seat.id()) || seat.status() == SeatStatus.AVAILABLE;
        return RowSegments.windows(segment, count, free).stream()
                .filter(allowed)
                .map(window -> new Scored(
                        segment, window, RowSegments.strands(segment, window, freeNow), hall.score(segment, window)))
                .min(BY_SCORE);
    }

    /** At least one wheelchair space, and no more companion seats than wheelchair spaces (one companion each). */
    private static boolean companionsFit(List<SeatView> seats) {
        return seats.stream().anyMatch(seat -> seat.type() == SeatType.WHEELCHAIR) && RowSegments.companionsFit(seats);
    }

    private static SeatBlock block(RowSegments hall, Scored scored) {
        List<SeatView> seats = scored.seats();
        int wheelchairs = (int) seats.stream()
                .filter(seat -> seat.type() == SeatType.WHEELCHAIR)
                .count();
        int companions = (int)
                seats.stream().filter(seat -> seat.type() == SeatType.COMPANION).count();
        double offset = RowSegments.centre(seats) - hall.centreX();
        double third = Math.max(1, hall.centreX()) / 3.0;
        SeatBlock.Position position = Math.abs(offset) <= third
                ? SeatBlock.Position.CENTRE
                : offset < 0 ? SeatBlock.Position.LEFT : SeatBlock.Position.RIGHT;
        return new SeatBlock(
                seats.stream().map(SeatView::id).toList(), scored.segment().row(), position, wheelchairs, companions);
    }
}
