package org.marquee.server.seatrules;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import org.marquee.model.SeatLayout;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.seatrules.persistence.TheaterRuleStore;

/**
 * The seat rules of a showtime (DESIGN §8): its theater's single-seat rule and accessible release, read briefly
 * cached like the showtime's facts, and its hall, built once per layout. House seats are not here: they are read in
 * the transaction that decides.
 */
public final class SeatRules {

    /** A theater's settings for the seat rules. */
    public record Settings(SingleSeatRule rule, int accessibleReleaseMinutes) {
        public static final Settings DEFAULTS = new Settings(SingleSeatRule.KIOSK, 30);
    }

    /** How long a theater's settings are reused before being read again (a change through the admin API). */
    static final Duration SETTINGS_TTL = Duration.ofSeconds(5);

    private final LoadingCache<Long, Settings> settings;
    private final LoadingCache<List<String>, Hall> halls;

    public SeatRules(TheaterRuleStore store) {
        this.settings = Caffeine.newBuilder()
                .expireAfterWrite(SETTINGS_TTL)
                .maximumSize(1_000)
                .build(theaterId -> store.settings(theaterId).orElse(Settings.DEFAULTS));
        this.halls = Caffeine.newBuilder().maximumSize(1_000).build(rows -> Hall.of(SeatLayout.parse(rows)));
    }

    /** The showtime's rules, with no house seats. */
    public ShowtimeRules of(ShowtimeFacts showtime) {
        Settings theater = settings.get(showtime.theaterId());
        return new ShowtimeRules(
                halls.get(showtime.layout().rows()),
                theater.rule(),
                theater.accessibleReleaseMinutes(),
                showtime.startsAt(),
                HouseSeats.NONE);
    }
}
