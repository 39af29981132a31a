package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marquee.model.Role;
import org.marquee.model.SeatLayout;
import org.marquee.model.TerminalKind;
import org.marquee.server.common.Principal;
import org.marquee.server.seatrules.Hall;
import org.marquee.server.seatrules.HouseSeats;
import org.marquee.server.seatrules.ShowtimeRules;
import org.marquee.server.seatrules.SingleSeatRule;

/**
 * The hint that lets a hold skip its first check (decision 0031): a choice passes on what the instance remembers only
 * when nothing it remembers would refuse it: seats taken by others, and a single seat left alone under the rule.
 */
class RememberedSeatsTest {

    private static final long KIOSK = 7;
    private static final long OTHER = 9;

    private final ShowtimeRules rules = new ShowtimeRules(
            Hall.of(SeatLayout.parse(List.of("F:SSSSSSSS"))),
            SingleSeatRule.KIOSK,
            30,
            Instant.now().plusSeconds(86_400),
            HouseSeats.NONE);

    private boolean passes(Map<String, Long> remembered, String... seats) {
        Principal kiosk = new Principal(KIOSK, "kiosk-7", TerminalKind.KIOSK, 1, Role.KIOSK);
        // the audit log is only written inside the transaction, never for a hint
        SeatChoice choice = new AskedSeats(33, rules, kiosk, false, false, null, List.of(seats));
        return RememberedSeats.wouldPass(choice, remembered, KIOSK);
    }

    @Test
    void seatsRememberedFreePassSoTheFirstCheckIsSkipped() {
        assertThat(passes(Map.of("F1", OTHER), "F2", "F3")).isTrue();
        assertThat(passes(Map.of(), "F1")).isTrue();
    }

    @Test
    void aSeatRememberedTakenByAnotherTerminalOrSoldDoesNotPass() {
        assertThat(passes(Map.of("F5", OTHER), "F5")).isFalse();
        assertThat(passes(Map.of("F5", 0L), "F4", "F5")).isFalse();
    }

    @Test
    void theTerminalsOwnRememberedSeatsCountAsFree() {
        assertThat(passes(Map.of("F4", KIOSK, "F5", KIOSK), "F4", "F5")).isTrue();
    }

    @Test
    void aChoiceThatWouldLeaveASingleSeatAloneDoesNotPass() {
        // F3 taken: F5 alone would leave F4 stranded while F4+F5 would not
        assertThat(passes(Map.of("F3", OTHER), "F5")).isFalse();
        assertThat(passes(Map.of("F3", OTHER), "F4", "F5")).isTrue();
    }
}
