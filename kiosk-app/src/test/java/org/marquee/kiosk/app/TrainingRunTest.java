package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which start drives itself: only one asked for with -Dmarquee.kiosk.training (the package build, benchmarks). */
class TrainingRunTest {

    @Test
    void withoutThePropertyAStartIsAnOrdinaryOne() {
        assertThat(TrainingRun.goal(null)).isEmpty();
        assertThat(TrainingRun.goal(" ")).isEmpty();
    }

    @Test
    void thePropertyNamesWhereTheRunStops() {
        assertThat(TrainingRun.goal("showtimes")).contains(TrainingRun.Goal.SHOWTIMES);
        assertThat(TrainingRun.goal("seat-map")).contains(TrainingRun.Goal.SEAT_MAP);
        assertThat(TrainingRun.goal("SEAT-MAP")).contains(TrainingRun.Goal.SEAT_MAP);
    }

    @Test
    void anUnknownGoalIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> TrainingRun.goal("checkout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("showtimes or seat-map");
    }
}
