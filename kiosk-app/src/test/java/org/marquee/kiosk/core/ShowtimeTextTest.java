package org.marquee.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;

/** The line that names a showtime on the ticket-type, payment and done screens (issue 14, item 8: its format too). */
class ShowtimeTextTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static ShowtimeListing showtime(String format) {
        return new ShowtimeListing(
                7,
                new ShowtimeListing.MovieRef(1, "Orbit of Ashes", 118, "12A"),
                new ShowtimeListing.AuditoriumRef(1, "Sala 1"),
                Instant.parse("2026-11-22T18:00:00Z"),
                format,
                ShowtimeStatus.ON_SALE,
                80,
                308);
    }

    @Test
    void theFormatIsNamedBetweenTheMovieAndTheAuditoriumInEitherLanguage() {
        assertThat(ShowtimeText.describe(showtime("IMAX"), new Messages(Locale.ENGLISH), MADRID))
                .isEqualTo("Orbit of Ashes · IMAX · Sala 1 · Sun 22 Nov, 19:00");
        assertThat(ShowtimeText.describe(showtime("3D"), new Messages(Locale.of("es")), MADRID))
                .startsWith("Orbit of Ashes · 3D · Sala 1 · ");
    }

    @Test
    void aShowtimeWithoutAFormatLeavesNoGap() {
        assertThat(ShowtimeText.describe(showtime(" "), new Messages(Locale.ENGLISH), MADRID))
                .isEqualTo("Orbit of Ashes · Sala 1 · Sun 22 Nov, 19:00");
    }
}
