package org.marquee.server.seatrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marquee.model.SeatLayout;

/** The single-seat rule on small rows: which seats a hold would leave alone, and which it is not blamed for. */
class GapsTest {

    private static Hall hall(String... rows) {
        return Hall.of(SeatLayout.parse(List.of(rows)));
    }

    @Test
    void aSeatBetweenTwoTakenSeatsIsStranded() {
        Hall hall = hall("F:SSSSSSSS");
        assertThat(Gaps.stranded(hall, Set.of("F3"), List.of("F5"))).containsExactly("F4");
        assertThat(Gaps.stranded(hall, Set.of("F3"), List.of("F4", "F5"))).isEmpty();
    }

    @Test
    void aSeatBesideTheAisleOrTheRowEndIsStranded() {
        Hall hall = hall("F:SSSS.SSSS");
        // F2 taken: F1 alone at the row's end
        assertThat(Gaps.stranded(hall, Set.of(), List.of("F2"))).containsExactly("F1");
        // F3 taken: F4 alone before the aisle
        assertThat(Gaps.stranded(hall, Set.of(), List.of("F3"))).containsExactly("F4");
        // the aisle parts segments: F5 is not F4's neighbour
        assertThat(Gaps.stranded(hall, Set.of("F5"), List.of("F1", "F2", "F3"))).containsExactly("F4");
        assertThat(Gaps.stranded(hall, Set.of(), List.of("F6"))).containsExactly("F5");
    }

    @Test
    void wheelchairSpacesCompanionSeatsAndBrokenSeatsAreNeverCountedAndCloseARun() {
        Hall hall = hall("A:WCSSSXSS");
        // A3 beside a companion seat and A5 beside a broken seat: taking A4 leaves both alone; the companion seat A2
        // is never a single
        assertThat(Gaps.stranded(hall, Set.of(), List.of("A4"))).containsExactly("A3", "A5");
        // A5 between A4 and the broken A6
        assertThat(Gaps.stranded(hall, Set.of(), List.of("A3", "A4"))).containsExactly("A5");
        assertThat(Gaps.stranded(hall, Set.of(), List.of("A1"))).isEmpty();
    }

    @Test
    void aSeatAlreadyAloneIsNotTheNewHoldsDoing() {
        Hall hall = hall("G:SSSSSSSSSS");
        // G3 was left alone by an earlier release: a hold further along is not blamed for it
        Set<String> taken = Set.of("G1", "G2", "G4", "G5");
        assertThat(Gaps.stranded(hall, taken, List.of("G6", "G7"))).isEmpty();
        // filling it is welcome
        assertThat(Gaps.stranded(hall, taken, List.of("G3"))).isEmpty();
    }

    @Test
    void theMessageSaysWhereTheSeatIsLeft() {
        Hall hall = hall("F:SSSS.SSSS");
        assertThat(Gaps.why(hall, "F2", Set.of("F1", "F3")::contains)).isEqualTo("between two taken seats");
        assertThat(Gaps.why(hall, "F4", Set.of("F3")::contains)).isEqualTo("between a taken seat and the aisle");
    }

    @Test
    void restrictionsEndAtTheirReleaseInstants() {
        Hall hall = hall("A:WCSS");
        Instant start = Instant.parse("2026-12-01T20:00:00Z");
        ShowtimeRules rules =
                new ShowtimeRules(hall, SingleSeatRule.KIOSK, 30, start, HouseSeats.of(List.of("A4"), 60));
        Instant early = start.minusSeconds(3 * 3600);
        assertThat(rules.restriction(hall.seat("A1"), early, false))
                .isEqualTo(org.marquee.model.SeatRestriction.ACCESSIBLE);
        assertThat(rules.restriction(hall.seat("A4"), early, false)).isEqualTo(org.marquee.model.SeatRestriction.HOUSE);
        assertThat(rules.restriction(hall.seat("A3"), early, false)).isNull();
        assertThat(rules.nextRelease(early)).isEqualTo(start.minusSeconds(3600));
        Instant house = start.minusSeconds(3600);
        assertThat(rules.restriction(hall.seat("A4"), house, false)).isNull();
        assertThat(rules.nextRelease(house)).isEqualTo(start.minusSeconds(1800));
        assertThat(rules.lastRelease(house)).isEqualTo(house);
        assertThat(rules.restriction(hall.seat("A1"), start.minusSeconds(1800), false))
                .isNull();
        // or earlier, once every other seat is sold
        assertThat(rules.restriction(hall.seat("A2"), early, true)).isNull();
    }

    @Test
    void aCompanionSeatGoesWithAWheelchairSpaceOfTheSameHold() {
        Hall hall = hall("A:WWCC.SSS");
        ShowtimeRules rules = new ShowtimeRules(hall, SingleSeatRule.KIOSK, 30, Instant.now(), HouseSeats.NONE);
        assertThat(rules.lonelyCompanions(List.of("A3"))).containsExactly("A3");
        assertThat(rules.lonelyCompanions(List.of("A2", "A3"))).isEmpty();
        assertThat(rules.lonelyCompanions(List.of("A1", "A4"))).isEmpty();
        assertThat(rules.lonelyCompanions(List.of("A1", "A3", "A4"))).containsExactly("A3", "A4");
        assertThat(rules.lonelyCompanions(List.of("A5", "A6"))).isEmpty();
    }
}
