package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits between tries of a refused refund (docs/decisions/0022): 1 min, 2, 4 … at most an hour. */
class RefundRetryPolicyTest {

    @Test
    void theWaitDoublesAfterEachRefusalUpToAnHour() {
        RefundRetryPolicy policy = RefundRetryPolicy.standard();

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(policy::after).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(policy.after(10_000)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.after(0)).as("before any refusal: the base").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aShortBaseForTestsKeepsTheHourCap() {
        RefundRetryPolicy policy = RefundRetryPolicy.of(Duration.ofMillis(300));

        assertThat(policy.after(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.after(4)).isEqualTo(Duration.ofMillis(2400));
        assertThat(policy.after(30)).isEqualTo(Duration.ofHours(1));
        assertThat(RefundRetryPolicy.of(Duration.ofHours(2)).after(5))
                .as("a base longer than the cap is the wait")
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBaseMustBePositive() {
        assertThatThrownBy(() -> RefundRetryPolicy.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundRetryPolicy.of(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
