package org.marquee.server.seatmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtagMatchTest {

    @Test
    void matchesWhatCachesAndClientsActuallySend() {
        assertThat(SeatMapHandler.matches("\"42\"", "\"42\"")).isTrue();
        assertThat(SeatMapHandler.matches("W/\"42\"", "\"42\"")).isTrue();
        assertThat(SeatMapHandler.matches("42", "\"42\""))
                .as("unquoted, as some clients send it")
                .isTrue();
        assertThat(SeatMapHandler.matches("\"41\", \"42\"", "\"42\"")).isTrue();
        assertThat(SeatMapHandler.matches("*", "\"42\"")).isTrue();
        assertThat(SeatMapHandler.matches("\"41\"", "\"42\"")).isFalse();
        assertThat(SeatMapHandler.matches(null, "\"42\"")).isFalse();
    }
}
