package org.marquee.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SeatLayoutTest {

    @Test
    void numbersSeatsLeftToRightSkippingAislesAndKeepsTheirGridPosition() {
        SeatLayout layout = SeatLayout.parse(List.of("A:WC.SS", "B:PP.XS"));

        assertThat(layout.seats())
                .extracting(SeatDefinition::id)
                .containsExactly("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4");
        SeatDefinition a3 = layout.seats().get(2);
        assertThat(a3.x()).as("the aisle keeps its column").isEqualTo(3);
        assertThat(a3.y()).isZero();
        assertThat(layout.seats().get(0).type()).isEqualTo(SeatType.WHEELCHAIR);
        assertThat(layout.seats().get(1).type()).isEqualTo(SeatType.COMPANION);
        assertThat(layout.seats().get(4).type()).isEqualTo(SeatType.PREMIUM);
        SeatDefinition b3 = layout.seats().get(6);
        assertThat(b3.blocked()).isTrue();
        assertThat(b3.type()).isEqualTo(SeatType.STANDARD);
        assertThat(layout.sellableSeats()).isEqualTo(7);
    }

    @Test
    void refusesLayoutsAPersonGotWrongAndSaysWhere() {
        assertThatThrownBy(() -> SeatLayout.parse(List.of())).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("ASSS"))).hasMessageContaining("Row 1");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("a:SSS"))).hasMessageContaining("capital letters");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:SS", "A:SS"))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:SSQ"))).hasMessageContaining("column 3");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:...."))).hasMessageContaining("at least one seat");
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:" + "S".repeat(SeatLayout.MAX_COLUMNS + 1))))
                .hasMessageContaining("columns");
    }

    @Test
    void anErrorCarriesItsRowAndColumnForAnEditorToShowItThere() {
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:SSSS", "B:SSQS")))
                .isInstanceOfSatisfying(SeatLayout.LayoutException.class, e -> {
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                });
        assertThatThrownBy(() -> SeatLayout.parse(List.of("A:SS", "B:SS", "A:SS")))
                .isInstanceOfSatisfying(SeatLayout.LayoutException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.column()).isZero();
                    assertThat(e.getMessage()).contains("row 3 repeats the label of row 1");
                });
    }

    @Property
    void everySeatHasAUniqueIdAndAUniquePosition(
            @ForAll @Size(min = 1, max = 26)
                    List<@StringLength(min = 1, max = 40) @Chars({'S', 'P', 'W', 'C', 'X', '.'}) String> rows) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add((char) ('A' + i) + ":" + rows.get(i));
        }
        long seatCells =
                rows.stream().flatMapToInt(String::chars).filter(c -> c != '.').count();
        if (seatCells == 0) {
            return;
        }
        SeatLayout layout = SeatLayout.parse(lines);
        Set<String> ids = new HashSet<>();
        Set<String> positions = new HashSet<>();
        for (SeatDefinition seat : layout.seats()) {
            assertThat(ids.add(seat.id())).isTrue();
            assertThat(positions.add(seat.x() + "," + seat.y())).isTrue();
            assertThat(lines.get(seat.y()).charAt(seat.x() + 2)).isNotEqualTo('.');
        }
        assertThat(layout.seats()).hasSize((int) seatCells);
    }

    @Property
    void numbersInARowRunFromOneWithoutGaps(
            @ForAll @IntRange(min = 1, max = 60) int seats, @ForAll @IntRange(min = 0, max = 60) int aisle) {
        String cells = "S".repeat(seats);
        int at = Math.min(aisle, seats);
        SeatLayout layout = SeatLayout.parse(List.of("K:" + cells.substring(0, at) + ".." + cells.substring(at)));
        for (int i = 0; i < seats; i++) {
            assertThat(layout.seats().get(i).number()).isEqualTo(i + 1);
        }
    }
}
