package org.marquee.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;

/** The guess limit's window, which the API test cannot wait a minute for. */
class CodeGuessesTest {

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private final CodeGuesses guesses = new CodeGuesses(
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            3,
            Duration.ofMinutes(1));

    @Test
    void theLimitHoldsUntilTheWindowEnds() {
        guesses.missed(7);
        now = now.plusSeconds(20);
        guesses.missed(7);
        guesses.missed(7);
        assertThatThrownBy(() -> guesses.checkAllowed(7)).isInstanceOfSatisfying(MarqueeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.details()).containsEntry(MarqueeException.RETRY_AFTER_SECONDS, 40L);
        });
        guesses.checkAllowed(8);
        now = now.plusSeconds(40);
        guesses.checkAllowed(7);
        guesses.missed(7);
        guesses.checkAllowed(7);
    }

    @Test
    void aHitStartsAgainFromNothing() {
        guesses.missed(7);
        guesses.missed(7);
        guesses.hit(7);
        guesses.missed(7);
        guesses.missed(7);
        guesses.checkAllowed(7);
    }
}
