package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * The seat blocks a kiosk offers (accessible mode's list) and where a best-seat block goes when another seat is
 * tapped, computed from seat maps with aisles, taken seats, single-seat gaps, wheelchair spaces and house seats.
 */
class SeatBlocksTest {

    /** Four rows, two aisles; row A has wheelchair spaces and companion seats at both ends, kept for accessible holds. */
    private static final List<String> HALL =
            List.of("A:WWCC.SSSSSS.CCWW", "B:SSSS.SSSSSS.SSSS", "C:SSSS.SSSSSS.SSSS", "D:SSSS.SSSSSS.SSSS");

    private static final Set<String> KEPT_ACCESSIBLE = Set.of("A1", "A2", "A3", "A4", "A11", "A12", "A13", "A14");

    @Test
    void theBestBlockComesFirstTwoThirdsBackInTheMiddleAndNoBlockCrossesAnAisle() {
        SeatMap map = map(HALL, Map.of(), Map.of());

        List<SeatBlock> blocks = SeatBlocks.list(map, 2, false, Set.of());

        assertThat(blocks.getFirst())
                .isEqualTo(new SeatBlock(List.of("C7", "C8"), "C", SeatBlock.Position.CENTRE, 0, 0));
        assertThat(text(blocks.getFirst())).isEqualTo("2 seats together, row C, centre");
        assertThat(blocks)
                .hasSize(SeatBlocks.LIST_LIMIT)
                .allSatisfy(block -> assertThat(SeatBlocks.together(map, block.seatIds()))
                        .as("side by side, within one segment: %s", block)
                        .isTrue());
        assertThat(blocks).extracting(SeatBlock::position).contains(SeatBlock.Position.LEFT, SeatBlock.Position.RIGHT);
    }

    @Test
    void takenHouseAndAccessibleSeatsAreNeverOfferedToAnOrdinaryKiosk() {
        Map<String, SeatStatus> taken = new LinkedHashMap<>();
        for (int n = 6; n <= 10; n++) {
            taken.put("C" + n, SeatStatus.SOLD);
        }
        taken.put("C1", SeatStatus.HELD);
        taken.put("C2", SeatStatus.HELD);
        taken.put("C14", SeatStatus.SOLD);
        Map<String, SeatRestriction> kept = restrictions(KEPT_ACCESSIBLE, SeatRestriction.ACCESSIBLE);
        kept.put("B6", SeatRestriction.HOUSE);
        kept.put("B7", SeatRestriction.HOUSE);
        SeatMap map = map(HALL, taken, kept);

        List<SeatBlock> blocks = SeatBlocks.list(map, 2, false, Set.of());

        List<String> offered =
                blocks.stream().flatMap(b -> b.seatIds().stream()).toList();
        assertThat(offered).doesNotContainAnyElementsOf(taken.keySet());
        assertThat(offered).doesNotContainAnyElementsOf(KEPT_ACCESSIBLE).doesNotContain("B6", "B7");
        assertThat(offered)
                .as("C5 has no free neighbour but C4, across the aisle")
                .doesNotContain("C5");
        assertThat(blocks).extracting(SeatBlock::seatIds).contains(List.of("C3", "C4"));
        assertThat(blocks).noneMatch(SeatBlock::wheelchair);
        assertThat(SeatBlocks.anyTogether(map, 2)).isTrue();
        assertThat(SeatBlocks.anyTogether(map, 7)).as("no segment has 7 seats").isFalse();
    }

    @Test
    void anAccessibleListStartsWithWheelchairSpacesAndTheirCompanionSeats() {
        SeatMap map =
                map(HALL, Map.of("A3", SeatStatus.SOLD), restrictions(KEPT_ACCESSIBLE, SeatRestriction.ACCESSIBLE));

        List<SeatBlock> blocks = SeatBlocks.list(map, 2, true, Set.of());

        assertThat(blocks.getFirst().seatIds()).containsExactly("A12", "A13");
        assertThat(text(blocks.getFirst())).isEqualTo("Wheelchair space with companion seat, row A");
        assertThat(blocks.get(1).seatIds())
                .as("A3 is sold: the two wheelchair spaces beside each other")
                .containsExactly("A1", "A2");
        assertThat(text(blocks.get(1))).isEqualTo("2 wheelchair spaces, row A");
        assertThat(blocks.get(2).wheelchair()).isFalse();
        assertThat(text(SeatBlocks.list(map, 1, true, Set.of()).getFirst())).isEqualTo("Wheelchair space, row A");
        assertThat(SeatBlocks.list(map, 3, true, Set.of()))
                .filteredOn(SeatBlock::wheelchair)
                .as("never more companion seats than wheelchair spaces")
                .extracting(SeatBlock::seatIds)
                .containsExactly(List.of("A12", "A13", "A14"));
    }

    @Test
    void aBlockThatWouldLeaveASeatAloneIsNotOfferedWhenAnotherFits() {
        SeatMap map = map(List.of("A:SSSSSS"), Map.of("A1", SeatStatus.SOLD), Map.of());

        List<SeatBlock> blocks = SeatBlocks.list(map, 2, false, Set.of());

        // A3-A4 is the most central, but would leave A2 alone between A1 and A3
        assertThat(blocks).extracting(SeatBlock::seatIds).containsExactly(List.of("A2", "A3"));
    }

    @Test
    void theBlockHeldStaysInTheList() {
        SeatMap map = map(HALL, Map.of("C7", SeatStatus.HELD, "C8", SeatStatus.HELD), Map.of());

        List<SeatBlock> blocks = SeatBlocks.list(map, 2, false, Set.of("C7", "C8"));

        assertThat(blocks.getFirst().seatIds()).containsExactly("C7", "C8");
    }

    @Test
    void aTapMovesTheWholeBlockThereTheLeastWayWithoutLeavingASeatAlone() {
        Map<String, SeatStatus> held = Map.of("C7", SeatStatus.HELD, "C8", SeatStatus.HELD);
        SeatMap map = map(HALL, held, Map.of());
        Set<String> mine = Set.of("C7", "C8");

        assertThat(BlockMove.to(map, "C10", mine, 2, false)).containsExactly("C9", "C10");
        assertThat(BlockMove.to(map, "C6", mine, 2, false))
                .as("C6-C7 would leave C5 alone by the aisle")
                .containsExactly("C5", "C6");
        assertThat(BlockMove.to(map, "C4", mine, 2, false))
                .as("across the aisle: the block goes whole")
                .containsExactly("C3", "C4");
        assertThat(BlockMove.to(map, "B7", mine, 2, false)).as("another row").containsExactly("B7", "B8");
    }

    @Test
    void aTapWhereTheBlockDoesNotFitMovesNothing() {
        Map<String, SeatStatus> taken = new LinkedHashMap<>();
        for (int n = 5; n <= 10; n++) {
            taken.put("B" + n, n == 7 ? SeatStatus.AVAILABLE : SeatStatus.SOLD);
        }
        SeatMap map = map(HALL, taken, restrictions(KEPT_ACCESSIBLE, SeatRestriction.ACCESSIBLE));

        assertThat(BlockMove.to(map, "B7", Set.of("C7", "C8"), 2, false)).isEmpty();
        assertThat(BlockMove.to(map, "A2", Set.of("C7", "C8"), 2, false))
                .as("kept for accessible holds")
                .isEmpty();
        assertThat(BlockMove.to(map, "A3", Set.of("C7", "C8"), 2, true)).containsExactly("A2", "A3");
    }

    private static String text(SeatBlock block) {
        return BestSeatsViewModel.describe(new Messages(Locale.ENGLISH), block);
    }

    private static Map<String, SeatRestriction> restrictions(Set<String> seats, SeatRestriction restriction) {
        Map<String, SeatRestriction> kept = new LinkedHashMap<>();
        seats.forEach(seat -> kept.put(seat, restriction));
        return kept;
    }

    static SeatMap map(List<String> layout, Map<String, SeatStatus> statuses, Map<String, SeatRestriction> kept) {
        List<SeatView> seats = new ArrayList<>();
        for (SeatDefinition seat : SeatLayout.parse(layout).seats()) {
            seats.add(new SeatView(
                    seat.id(),
                    seat.row(),
                    seat.number(),
                    seat.x(),
                    seat.y(),
                    seat.type(),
                    statuses.getOrDefault(seat.id(), SeatStatus.AVAILABLE),
                    kept.get(seat.id())));
        }
        return new SeatMap(1, 1, seats);
    }
}
