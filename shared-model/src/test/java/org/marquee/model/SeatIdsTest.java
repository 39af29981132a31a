package org.marquee.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatIdsTest {

    @Test
    void sortsSeatsAsAPersonReadsAHall() {
        List<String> seats = new ArrayList<>(List.of("H14", "H9", "AA1", "B2", "H13", "Z3", "odd"));
        seats.sort(SeatIds.READING_ORDER);
        assertThat(seats).containsExactly("B2", "H9", "H13", "H14", "Z3", "AA1", "odd");
    }
}
