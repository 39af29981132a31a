package org.marquee.kiosk.seatmap;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * Where a best-seat selection goes when the customer taps another free seat (decision 0025): the whole block moves
 * to the tapped seat, keeping its number of seats. The new block is {@code count} seats side by side in the tapped
 * seat's row segment, containing it, each free for this kiosk or already its own; among those, one that leaves no
 * single seat alone, then the one that moves least from where the block was (the hall's centre when it was in
 * another row). Empty when no such block exists there: the selection then stays as it is.
 */
final class BlockMove {

    private BlockMove() {}

    static List<String> to(SeatMap map, String tapped, Collection<String> mine, int count, boolean accessible) {
        RowSegments hall = RowSegments.of(map);
        RowSegments.Segment segment = hall.segmentOf(tapped);
        if (segment == null || count < 1) {
            return List.of();
        }
        Predicate<SeatView> ours = seat -> mine.contains(seat.id());
        Predicate<SeatView> free = ours.or(seat -> RowSegments.freeFor(seat, accessible));
        // what the single-seat rule sees once the move gives this kiosk's seats back
        Predicate<SeatView> freeAfter = ours.or(seat -> seat.status() == SeatStatus.AVAILABLE);
        List<SeatView> sameRow = segment.seats().stream().filter(ours).toList();
        double from = sameRow.isEmpty() ? hall.centreX() : RowSegments.centre(sameRow);
        return RowSegments.windows(segment, count, free).stream()
                .filter(window -> window.stream().anyMatch(seat -> seat.id().equals(tapped)))
                .filter(window -> accessible || window.stream().noneMatch(RowSegments::accessibleType))
                .filter(RowSegments::companionsFit)
                .min(Comparator.<List<SeatView>, Boolean>comparing(
                                window -> RowSegments.strands(segment, window, freeAfter))
                        .thenComparingDouble(window -> Math.abs(RowSegments.centre(window) - from)))
                .map(window -> window.stream().map(SeatView::id).toList())
                .orElse(List.of());
    }
}
