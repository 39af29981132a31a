package org.marquee.kiosk.seatdrawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The seat map's zoom and pan without the FX toolkit. The hall is the demo's big one: 26 columns and 15 rows, 28.6 ×
 * 16.6 cells with its label gutters and screen band.
 */
class SeatViewportTest {

    private static final double ACROSS = 26 + 2 * SeatGeometry.LABEL_CELLS;
    private static final double DOWN = 15 + SeatGeometry.SCREEN_CELLS;

    @Test
    void aHallThatFitsIsZoomedToFitAndCentredWithNothingToPan() {
        SeatViewport view = new SeatViewport();
        view.fit(900, 700, ACROSS, DOWN, 30, 72);

        assertThat(view.cell()).isCloseTo(900 / ACROSS, within(1e-9));
        assertThat(view.showsWholeHall()).isTrue();
        assertThat(view.left()).isZero();
        assertThat(view.top()).isCloseTo((700 - DOWN * view.cell()) / 2, within(1e-9));
        assertThat(view.panBy(-100, -100)).as("nothing to pan").isFalse();
    }

    @Test
    void aHallLargerThanTheSpaceKeepsAFingersWidthAndOpensOnItsMiddle() {
        SeatViewport view = new SeatViewport();
        view.fit(600, 400, ACROSS, DOWN, 30, 72);

        assertThat(view.cell()).isEqualTo(30);
        assertThat(view.pansAcross()).isTrue();
        assertThat(view.left()).isCloseTo((600 - ACROSS * 30) / 2, within(1e-9));
        assertThat(view.top()).as("the screen band in view").isZero();

        assertThat(view.panBy(10_000, 0)).isTrue();
        assertThat(view.left()).as("never further in than the left edge").isZero();
        view.panBy(-10_000, -10_000);
        assertThat(view.left()).isCloseTo(600 - ACROSS * 30, within(1e-9));
        assertThat(view.top()).isCloseTo(400 - DOWN * 30, within(1e-9));
    }

    @Test
    void aPinchZoomsAroundTheFingersBetweenTheWholeHallAndTheLargestSeat() {
        SeatViewport view = new SeatViewport();
        view.fit(900, 700, ACROSS, DOWN, 30, 72);
        double fitted = view.cell();
        double x = 450;
        double y = 350;
        double hallX = (x - view.left()) / view.cell();

        assertThat(view.zoomBy(1.5, x, y)).isTrue();
        assertThat(view.cell()).isCloseTo(fitted * 1.5, within(1e-9));
        assertThat((x - view.left()) / view.cell())
                .as("the same seat under the fingers")
                .isCloseTo(hallX, within(1e-9));

        view.zoomBy(100, x, y);
        assertThat(view.cell()).isEqualTo(72);
        view.zoomBy(0.001, x, y);
        assertThat(view.cell()).isCloseTo(fitted, within(1e-9));
        assertThat(view.showsWholeHall()).isTrue();
    }

    @Test
    void revealPansJustEnoughToShowACellClearOfThePinnedLetters() {
        SeatViewport view = new SeatViewport();
        view.fit(600, 400, ACROSS, DOWN, 30, 72);
        double gutter = SeatGeometry.LABEL_CELLS * 30;

        assertThat(view.reveal(SeatGeometry.LABEL_CELLS, SeatGeometry.SCREEN_CELLS, gutter, 0))
                .isTrue();
        assertThat(view.left() + SeatGeometry.LABEL_CELLS * 30).isGreaterThanOrEqualTo(gutter);
        assertThat(view.reveal(SeatGeometry.LABEL_CELLS, SeatGeometry.SCREEN_CELLS, gutter, 0))
                .as("already in view")
                .isFalse();
    }
}
