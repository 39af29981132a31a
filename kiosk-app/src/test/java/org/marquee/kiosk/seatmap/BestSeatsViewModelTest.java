package org.marquee.kiosk.seatmap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marquee.kiosk.seatmap.SeatMapFixture.status;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.awaitHold;
import static org.marquee.kiosk.seatmap.SeatMapViewModelTest.open;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.SeatHolds;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatmap.SeatMapFixture.Terminal;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;

/**
 * The kiosk's best seats in one touch against the in-memory box office, without the FX toolkit: the count holds the
 * best block at once, a tap moves the block, a hall with no block left says so, and accessible mode lists blocks.
 */
class BestSeatsViewModelTest {

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private FakeBoxOffice office;
    private SeatMapFixture fixture;
    private SeatHolds observer;

    @BeforeEach
    void openTheBoxOffice() {
        office = new FakeBoxOffice();
        fixture = new SeatMapFixture(office);
        observer = office.terminal();
    }

    @Test
    void theCountHoldsTheBestBlockAtOnceAsTheCustomersSeats() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());
        assertThat(best.pickingProperty().get()).as("the count is asked first").isTrue();

        best.chooseCount(2);

        awaitHold(kiosk.model(), "K11", "K12");
        assertThat(office.bestHoldsAsked()).containsExactly(2);
        assertThat(best.pickingProperty().get()).isFalse();
        assertThat(kiosk.model().mine()).containsExactlyInAnyOrder("K11", "K12");
        assertThat(kiosk.model().selectionProperty().get()).isEqualTo("2 seats: K11, K12");
        assertThat(status(observer.seatMap(showtime.id()), "K11")).isEqualTo(SeatStatus.HELD);
        assertThat(kiosk.model().messageProperty().get()).isEmpty();

        best.changeCount(); // "Number of tickets": three instead
        assertThat(best.pickingProperty().get()).isTrue();
        best.chooseCount(3);
        await().atMost(10, SECONDS)
                .until(() -> kiosk.model().hold() != null
                        && kiosk.model().hold().seatIds().size() == 3
                        && kiosk.model().canContinueProperty().get());
        assertThat(SeatBlocks.together(
                        kiosk.model().seatMapProperty().get(),
                        kiosk.model().hold().seatIds()))
                .isTrue();
        assertThat(office.bestHoldsAsked()).containsExactly(2, 3);
    }

    @Test
    void aTapOnAnotherFreeSeatMovesTheWholeBlockThereInOneChange() {
        ShowtimeListing showtime = fixture.freshShowtime();
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());
        best.chooseCount(2);
        awaitHold(kiosk.model(), "K11", "K12");
        var holdId = kiosk.model().hold().holdId();

        best.tap("F7");

        awaitHold(kiosk.model(), "F7", "F8");
        assertThat(kiosk.model().hold().holdId())
                .as("the same hold, its seats changed")
                .isEqualTo(holdId);
        var map = observer.seatMap(showtime.id());
        assertThat(status(map, "K11")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(status(map, "K12")).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(status(map, "F7")).isEqualTo(SeatStatus.HELD);
        assertThat(status(map, "F8")).isEqualTo(SeatStatus.HELD);

        best.tap("F8");
        awaitHold(kiosk.model(), "F7");
        assertThat(kiosk.model().selectionProperty().get())
                .as("one of their own seats is given back, as on the plain map")
                .isEqualTo("1 seat: F7");
        best.tap("F10");
        awaitHold(kiosk.model(), "F7", "F10");
    }

    @Test
    void aTapWhereTheBlockDoesNotFitSaysSoAndKeepsTheSeats() {
        ShowtimeListing showtime = fixture.freshShowtime();
        SeatHolds other = office.terminal();
        other.hold(showtime.id(), List.of("B5", "B6", "B8", "B9"));
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());
        best.chooseCount(2);
        awaitHold(kiosk.model(), "K11", "K12");

        best.tap("B7");

        assertThat(kiosk.model().messageProperty().get())
                .isEqualTo(
                        "No 2 seats together at B7. Tap one of your seats to let it go, then pick seats one by one.");
        assertThat(kiosk.model().hold().seatIds()).containsExactlyInAnyOrder("K11", "K12");
        assertThat(status(observer.seatMap(showtime.id()), "B7")).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void withNoBlockLeftTheKioskSaysSoAndTheCustomerPicksOnTheMap() {
        ShowtimeListing showtime = office.showtime("Tiny", List.of("A:S.S.S", "B:SXS"));
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());

        best.chooseCount(2);

        assertThat(kiosk.model().messageProperty().get()).isEqualTo("No 2 seats together left — pick them on the map.");
        assertThat(office.bestHoldsAsked()).as("nothing asked of the server").isEmpty();
        assertThat(kiosk.model().hold()).isNull();
        best.tap("A1");
        awaitHold(kiosk.model(), "A1"); // (answers come on the test's threads here: one tap at a time)
        best.tap("B3");
        awaitHold(kiosk.model(), "A1", "B3");
    }

    @Test
    void accessibleModeListsBlocksAndAWheelchairBlockIsHeldAsAnAccessibleHold() {
        ShowtimeListing showtime = fixture.freshShowtime();
        office.restrict(
                showtime.id(), List.of("A1", "A2", "A3", "A4", "A19", "A20", "A21", "A22"), SeatRestriction.ACCESSIBLE);
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        kiosk.sale().setAccessible(true);
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());

        best.chooseCount(2);

        assertThat(office.bestHoldsAsked())
                .as("chosen from the list, not at once")
                .isEmpty();
        List<SeatBlock> blocks = best.blocksProperty();
        assertThat(blocks).hasSize(SeatBlocks.LIST_LIMIT);
        assertThat(best.describe(blocks.getFirst())).isEqualTo("Wheelchair space with companion seat, row A");
        assertThat(best.describe(blocks.get(2))).isEqualTo("2 seats together, row K, centre");
        SeatBlock wheelchair = blocks.getFirst();

        best.chooseBlock(wheelchair);

        awaitHold(kiosk.model(), wheelchair.seatIds().toArray(String[]::new));
        assertThat(best.isChosen(wheelchair)).isTrue();
        assertThat(best.blocksProperty().getFirst())
                .as("the block held stays in the list")
                .isEqualTo(wheelchair);
    }

    @Test
    void turningAccessibleModeOnAfterSeatsWereHeldMakesTheNextChangeANewAccessibleHold() {
        ShowtimeListing showtime = fixture.freshShowtime();
        office.restrict(showtime.id(), List.of("A1", "A2", "A3", "A4"), SeatRestriction.ACCESSIBLE);
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        BestSeatsViewModel best = new BestSeatsViewModel(kiosk.model(), kiosk.sale(), ENGLISH);
        open(kiosk.model());
        best.chooseCount(2);
        awaitHold(kiosk.model(), "K11", "K12");
        var ordinary = kiosk.model().hold().holdId();

        kiosk.sale().setAccessible(true);
        SeatBlock wheelchair = best.blocksProperty().getFirst();
        assertThat(wheelchair.seatIds()).containsExactly("A2", "A3");
        best.chooseBlock(wheelchair);

        awaitHold(kiosk.model(), "A2", "A3");
        assertThat(kiosk.model().hold().holdId())
                .as("the old hold could not take them")
                .isNotEqualTo(ordinary);
        assertThat(status(observer.seatMap(showtime.id()), "K11")).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void aKioskNotInAccessibleModeIsRefusedAWheelchairSpaceInTheCustomersWords() {
        ShowtimeListing showtime = fixture.freshShowtime();
        office.restrict(showtime.id(), List.of("A1", "A2", "A3", "A4"), SeatRestriction.ACCESSIBLE);
        Terminal kiosk = fixture.terminal("demo-kiosk-1", Mode.KIOSK, showtime, Clock.systemUTC());
        open(kiosk.model());

        kiosk.model().toggle("A2");

        await().atMost(10, SECONDS)
                .until(() -> !kiosk.model().messageProperty().get().isEmpty());
        assertThat(kiosk.model().messageProperty().get())
                .isEqualTo("Seats A2 are kept for wheelchair users and their companions. Please choose other seats, or"
                        + " ask for accessible seats.");
        assertThat(kiosk.model().mine()).isEmpty();
        assertThat(Set.of(status(observer.seatMap(showtime.id()), "A2"))).containsExactly(SeatStatus.AVAILABLE);
    }
}
