package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;

/** The keyboard's place on the seat map, against the demo's big hall in the in-memory box office. No FX toolkit. */
class SeatCursorTest {

    private final FakeBoxOffice office = new FakeBoxOffice();
    private final FakeBoxOffice.Terminal other = office.terminal();
    private final ShowtimeListing showtime = office.showtime();
    private final SeatCursor cursor = new SeatCursor();

    private SeatMap map() {
        return other.seatMap(showtime.id());
    }

    private SeatView seat(String id) {
        return map().seats().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void itStartsOnAFreeSeatInTheMiddleTwoThirdsBack() {
        cursor.show(map());

        SeatView start = seat(cursor.focusedProperty().get());
        assertThat(start.status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(start.row()).isEqualTo("K"); // rows A…P: two thirds back
        assertThat(start.number()).isBetween(10, 13); // of 22
    }

    @Test
    void itSkipsTakenSeatsForItsStartAndStaysWhereItIsWhenTheMapChanges() {
        cursor.show(map());
        String first = cursor.focusedProperty().get();
        other.hold(showtime.id(), List.of(first));

        SeatCursor fresh = new SeatCursor();
        fresh.show(map());
        assertThat(fresh.focusedProperty().get()).isNotEqualTo(first);

        cursor.show(map()); // a live change: the ring does not jump
        assertThat(cursor.focusedProperty().get()).isEqualTo(first);
    }

    @Test
    void arrowsGoToTheNeighbourAcrossAnAisleAndToTheNearestSeatOfTheNextRow() {
        cursor.show(map());
        cursor.focus("F4"); // the last seat before the left aisle

        cursor.move(SeatCursor.Direction.RIGHT);
        assertThat(cursor.focusedProperty().get()).isEqualTo("F5");
        cursor.move(SeatCursor.Direction.DOWN);
        assertThat(cursor.focusedProperty().get()).isEqualTo("G5");
        cursor.move(SeatCursor.Direction.UP);
        cursor.move(SeatCursor.Direction.UP);
        assertThat(cursor.focusedProperty().get()).isEqualTo("E5");
        cursor.move(SeatCursor.Direction.LEFT);
        cursor.move(SeatCursor.Direction.LEFT);
        assertThat(cursor.focusedProperty().get()).isEqualTo("E3");

        cursor.focus("A1");
        cursor.move(SeatCursor.Direction.UP);
        cursor.move(SeatCursor.Direction.LEFT);
        assertThat(cursor.focusedProperty().get()).as("the edge of the hall").isEqualTo("A1");
    }

    @Test
    void aNumberTakesThatManySeatsSideBySideGoingLeftWhenTheRightIsTaken() {
        other.hold(showtime.id(), List.of("H10"));
        cursor.show(map());
        cursor.focus("H7");

        assertThat(cursor.block(3, Set.of())).containsExactly("H7", "H8", "H9");
        assertThat(cursor.block(5, Set.of())).as("H10 is taken").containsExactly("H5", "H6", "H7", "H8", "H9");
        assertThat(cursor.block(2, Set.of("H8")))
                .as("a seat already ours counts")
                .containsExactly("H7", "H8");

        cursor.focus("H10");
        assertThat(cursor.block(2, Set.of())).as("the ring on a taken seat").isEmpty();
    }
}
