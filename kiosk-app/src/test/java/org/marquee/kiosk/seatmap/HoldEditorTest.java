package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.seatmap.HoldEditor.Tap;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatStatus;

/** The seat map's choice as plain state: no network, no JavaFX, nothing called back. */
class HoldEditorTest {

    private final HoldEditor editor = new HoldEditor(3);

    private static HoldView hold(String... seats) {
        Instant now = Instant.now();
        return new HoldView(
                UUID.randomUUID(),
                7,
                List.of(seats),
                HoldStatus.ACTIVE,
                now,
                now.plusSeconds(480),
                now.plusSeconds(1200),
                now);
    }

    @Test
    void tapsChooseAndGiveBackWithinTheLimit() {
        assertThat(editor.toggle("A1", SeatStatus.AVAILABLE)).isEqualTo(Tap.CHOSEN);
        assertThat(editor.toggle("A2", SeatStatus.HELD)).isEqualTo(Tap.NOT_AVAILABLE);
        assertThat(editor.toggle("A9", null)).isEqualTo(Tap.IGNORED);
        editor.toggle("A3", SeatStatus.AVAILABLE);
        editor.toggle("A4", SeatStatus.AVAILABLE);
        assertThat(editor.toggle("A5", SeatStatus.AVAILABLE)).isEqualTo(Tap.AT_LIMIT);
        assertThat(editor.toggle("A1", SeatStatus.HELD)).isEqualTo(Tap.GIVEN_BACK);
        assertThat(editor.mine()).containsExactly("A3", "A4");
    }

    @Test
    void oneChangeAtATimeAndTapsMadeMeanwhileGoTogether() {
        editor.toggle("B1", SeatStatus.AVAILABLE);
        assertThat(editor.nextChange()).contains(List.of("B1"));
        editor.toggle("B2", SeatStatus.AVAILABLE);
        editor.toggle("B3", SeatStatus.AVAILABLE);
        assertThat(editor.nextChange()).as("B1 still on its way").isEmpty();
        assertThat(editor.canContinue()).isFalse();

        assertThat(editor.answered(hold("B1"))).isEmpty();
        assertThat(editor.nextChange()).contains(List.of("B1", "B2", "B3"));
        assertThat(editor.answered(hold("B1", "B2", "B3"))).containsExactly("B1");
        assertThat(editor.nextChange()).as("the hold has the choice").isEmpty();
        assertThat(editor.canContinue()).isTrue();
    }

    @Test
    void aRefusalNamingSeatsDropsThemAndOneWithoutPutsTheChoiceBack() {
        editor.toggle("C1", SeatStatus.AVAILABLE);
        editor.nextChange();
        editor.answered(hold("C1"));
        editor.toggle("C2", SeatStatus.AVAILABLE);
        editor.nextChange();
        assertThat(editor.refused(List.of("C2"))).containsExactly("C1");
        assertThat(editor.mine()).containsExactly("C1");

        editor.toggle("C1", SeatStatus.HELD);
        editor.nextChange();
        editor.refused(List.of());
        assertThat(editor.mine()).containsExactly("C1");
        assertThat(editor.canContinue()).isTrue();
    }

    @Test
    void aSeatTakenElsewhereIsDroppedOnlyWhileItWaitsToBeSent() {
        editor.toggle("D1", SeatStatus.AVAILABLE);
        editor.nextChange(); // D1 on its way: the server's answer settles it
        editor.toggle("D2", SeatStatus.AVAILABLE); // waits

        List<String> lost =
                editor.dropTaken(List.of(new SeatChange("D1", SeatStatus.HELD), new SeatChange("D2", SeatStatus.SOLD)));

        assertThat(lost).containsExactly("D2");
        assertThat(editor.mine()).containsExactly("D1");
    }
}
