package org.marquee.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marquee.model.ErrorCode;

/** A rule's refusal says the same as any domain error, without the stack trace a fault keeps for its developer. */
class MarqueeExceptionTest {

    @Test
    void aRefusalCarriesItsCodeMessageAndDetailsButNoStackTrace() {
        MarqueeException refusal = MarqueeException.refusal(
                ErrorCode.SINGLE_SEAT_GAP, "This would leave C1 alone.", Map.of("seatIds", List.of("C1")));
        assertThat(refusal.code()).isEqualTo(ErrorCode.SINGLE_SEAT_GAP);
        assertThat(refusal.getMessage()).isEqualTo("This would leave C1 alone.");
        assertThat(refusal.details()).containsEntry("seatIds", List.of("C1"));
        assertThat(refusal.getStackTrace()).isEmpty();
    }

    @Test
    void anyOtherDomainErrorKeepsWhereItWasThrown() {
        MarqueeException error = MarqueeException.invalid("showtimeId is required");
        assertThat(error.getStackTrace()).isNotEmpty();
        assertThat(error.getStackTrace()[0].getMethodName()).isEqualTo("invalid");
    }
}
