package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.awaitHold;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.open;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.seatmap.SeatMapFixture.Terminal;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.HoldView;

/**
 * "More time" against a box office whose holds live 60 s and at most 61 s: offered at once (the whole hold is its last
 * minute), and gone for good once an extension reaches the cap.
 */
class SeatHoldCapTest {

    /** Holds of 60 s and at most 61 s, as on a server started with {@code --hold-ttl 60s --hold-max-total 61s}. */
    private static final FakeBoxOffice office =
            new FakeBoxOffice(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(61));

    @Test
    void theOfferDisappearsOnceTheHoldReachesItsCap() throws InterruptedException {
        SeatMapFixture fixture = new SeatMapFixture(office);
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, fixture.freshShowtime(), Clock.systemUTC());
        SeatMapViewModel model = kiosk.model();
        open(model);

        model.toggle("B2");
        awaitHold(model, "B2");
        HoldView first = model.hold();
        assertThat(first.expiresAt()).isBefore(first.maxExpiresAt());
        model.tick();
        assertThat(model.extendOfferedProperty().get()).isTrue();

        Thread.sleep(Duration.ofMillis(1_500)); // past the point where another minute would go beyond the cap
        model.extend();
        await().atMost(10, SECONDS).until(() -> model.hold() != first);
        HoldView capped = model.hold();
        assertThat(capped.expiresAt()).isEqualTo(capped.maxExpiresAt()).isAfter(first.expiresAt());
        assertThat(model.extendOfferedProperty().get()).isFalse();
        model.tick();
        assertThat(model.extendOfferedProperty().get()).isFalse();
        assertThat(model.countdownProperty().get()).isNotEmpty();
        model.back();
    }
}
