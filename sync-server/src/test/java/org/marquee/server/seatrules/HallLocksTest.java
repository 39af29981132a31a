package org.marquee.server.seatrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;

/**
 * The locks the single-seat rule takes (decision 0015): two holds that could strand a seat only together always share
 * a lock, so one waits for the other and then sees its seats; holds far apart in one row share none.
 */
class HallLocksTest {

    private static final Hall HALL = Hall.of(SeatLayout.parse(List.of("F:SSSSSS.SSSSWCS")));

    @Test
    void everyTwoHoldsThatStrandASeatTogetherShareALock() {
        List<List<String>> holds = holdsOfOneOrTwoSeats();
        int together = 0;
        for (List<String> first : holds) {
            for (List<String> second : holds) {
                if (first.stream().anyMatch(second::contains)) {
                    continue;
                }
                Set<String> both = new HashSet<>(first);
                both.addAll(second);
                Set<String> alone = new HashSet<>(Gaps.stranded(HALL, Set.of(), both));
                alone.removeAll(Gaps.stranded(HALL, Set.of(), first));
                alone.removeAll(Gaps.stranded(HALL, Set.of(), second));
                if (alone.isEmpty()) {
                    continue;
                }
                together++;
                Set<String> shared = new HashSet<>(HALL.neighbourLocks(first));
                shared.retainAll(HALL.neighbourLocks(second));
                assertThat(shared)
                        .as("%s and %s strand %s only together", first, second, alone)
                        .isNotEmpty();
            }
        }
        assertThat(together).as("pairs that strand a seat only together").isGreaterThan(20);
    }

    @Test
    void holdsApartInOneRowDoNotWaitForEachOther() {
        Set<String> shared = new HashSet<>(HALL.neighbourLocks(List.of("F1", "F2")));
        shared.retainAll(HALL.neighbourLocks(List.of("F5", "F6")));
        assertThat(shared).isEmpty();
        // the hold's own places are not locked: it cannot leave its own seats alone
        assertThat(HALL.neighbourLocks(List.of("F2", "F3"))).containsExactly("F:0:0", "F:0:3");
        // a hold filling its segment strands nobody and locks nothing
        assertThat(HALL.neighbourLocks(List.of("F1", "F2", "F3", "F4", "F5", "F6")))
                .isEmpty();
    }

    @Test
    void aBestAvailableChoiceLocksEveryPlaceOfItsSegment() {
        Hall.Segment segment = HALL.segmentOf("F8");
        for (SeatDefinition seat : segment.seats()) {
            assertThat(segment.lockKeys()).containsAll(HALL.neighbourLocks(List.of(seat.id())));
        }
    }

    private static List<List<String>> holdsOfOneOrTwoSeats() {
        List<String> ids = HALL.segments().stream()
                .flatMap(s -> s.seats().stream())
                .map(SeatDefinition::id)
                .toList();
        List<List<String>> holds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            holds.add(List.of(ids.get(i)));
            for (int j = i + 1; j < ids.size(); j++) {
                holds.add(List.of(ids.get(i), ids.get(j)));
            }
        }
        return holds;
    }
}
