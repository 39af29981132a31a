package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The request log's {@code ms=} figure reads as it did with {@code String.format("%.1f")}. */
class RequestLogFiguresTest {

    @Test
    void millisecondsWithOneDecimalAsFormatWouldWriteThem() {
        for (float millis : new float[] {0f, 0.04f, 0.05f, 0.15f, 1f, 9.96f, 12.34f, 99.95f, 1234.5f, 60_000.26f}) {
            assertThat(ApiServer.tenths(millis))
                    .as("%s ms", millis)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", Math.round(millis * 10.0) / 10.0));
        }
        assertThat(ApiServer.tenths(12.34f)).isEqualTo("12.3");
        assertThat(ApiServer.tenths(0.96f)).isEqualTo("1.0");
    }

    @Test
    void noFigureReadsAsZero() {
        assertThat(ApiServer.tenths(null)).isEqualTo("0.0");
        assertThat(ApiServer.tenths(Float.NaN)).isEqualTo("0.0");
    }
}
