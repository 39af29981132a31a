package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.refused;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.marquee.model.ErrorCode;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;

/**
 * The fake box office's best available (DESIGN §8, the server's decision 0015 in short): {@code count} seats side by
 * side in one row between aisles, free for the caller, scored by distance from the row two thirds back plus half the
 * distance from the centre; an accessible caller's block with a wheelchair space first. Without such a block, the
 * best free seats one by one; fewer free than asked: {@code SEATS_UNAVAILABLE}.
 */
final class BestBlock {

    private BestBlock() {}

    static List<String> choose(Map<String, SeatView> seats, int count, boolean accessible) {
        List<SeatView> free = seats.values().stream()
                .filter(seat -> eligible(seat, accessible))
                .toList();
        if (free.size() < count) {
            throw refused(
                    409,
                    ErrorCode.SEATS_UNAVAILABLE,
                    "Only " + free.size() + " seats are left for this showtime.",
                    Map.of("seatIds", List.of()));
        }
        int minY = seats.values().stream().mapToInt(SeatView::y).min().orElse(0);
        int maxY = seats.values().stream().mapToInt(SeatView::y).max().orElse(0);
        int minX = seats.values().stream().mapToInt(SeatView::x).min().orElse(0);
        int maxX = seats.values().stream().mapToInt(SeatView::x).max().orElse(0);
        double idealY = minY + (maxY - minY) * 2 / 3.0;
        double centreX = (minX + maxX) / 2.0;
        Comparator<List<SeatView>> best = Comparator.<List<SeatView>, Boolean>comparing(
                        block -> !(accessible && block.stream().anyMatch(s -> s.type() == SeatType.WHEELCHAIR)))
                .thenComparingDouble(block -> Math.abs(block.getFirst().y() - idealY)
                        + 0.5 * Math.abs((block.getFirst().x() + block.getLast().x()) / 2.0 - centreX));
        List<List<SeatView>> blocks = new ArrayList<>();
        for (SeatView first : free) {
            List<SeatView> block = new ArrayList<>(List.of(first));
            for (int i = 1; i < count; i++) {
                int x = first.x() + i;
                free.stream()
                        .filter(seat -> seat.y() == first.y() && seat.x() == x)
                        .findFirst()
                        .ifPresent(block::add);
            }
            if (block.size() == count) {
                blocks.add(block);
            }
        }
        List<SeatView> chosen = blocks.stream()
                .min(best)
                .orElseGet(() -> free.stream()
                        .map(List::of)
                        .sorted(best)
                        .limit(count)
                        .flatMap(List::stream)
                        .toList());
        return chosen.stream().map(SeatView::id).toList();
    }

    /** Free, and not kept from this caller (a kiosk: never a house seat). */
    static boolean eligible(SeatView seat, boolean accessible) {
        return seat.status() == SeatStatus.AVAILABLE
                && (seat.restriction() == null || (seat.restriction() == SeatRestriction.ACCESSIBLE && accessible));
    }
}
