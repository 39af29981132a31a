package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TakenByOthersTest {

    /** F1 held by terminal 7 (the asker), F2 by terminal 8, F3 sold or gone (holder 0). */
    private final Map<String, Long> claimedBy = new LinkedHashMap<>(Map.of("F1", 7L, "F2", 8L, "F3", 0L));

    @Test
    void theAskersOwnSeatsAreFreeAndEveryOtherClaimIsTaken() {
        TakenByOthers taken = new TakenByOthers(claimedBy, 7);
        assertThat(taken.contains("F1")).isFalse();
        assertThat(taken.contains("F2")).isTrue();
        assertThat(taken.contains("F3")).isTrue();
        assertThat(taken.contains("F4")).isFalse();
        assertThat(taken).hasSize(2).containsExactlyInAnyOrder("F2", "F3");
        // what a copy would hold: the view is an ordinary set to whoever iterates it
        assertThat(new HashSet<>(taken)).isEqualTo(new HashSet<>(java.util.List.of("F2", "F3")));
    }

    @Test
    void aTerminalWithNoClaimSeesEveryClaimTaken() {
        assertThat(new TakenByOthers(claimedBy, 9)).containsExactlyInAnyOrder("F1", "F2", "F3");
        assertThat(new TakenByOthers(Map.of(), 9)).isEmpty();
    }
}
