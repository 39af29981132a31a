package org.marquee.kiosk.shifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.shifts.ShiftViewModel.Step;
import org.marquee.kiosk.testing.FakeCashOffice;

/** The clerk's shift screen without the FX toolkit, against the cash API's in-memory fake. */
class ShiftViewModelTest {

    FakeCashOffice office;
    Tasks tasks;
    Navigator navigator;
    ClerkShift shift;
    AtomicInteger signOuts = new AtomicInteger();
    ShiftViewModel model;

    @BeforeEach
    void setUp() {
        office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T14:02:00Z"), ZoneOffset.UTC));
        tasks = new Tasks(UiThread.DIRECT);
        navigator = new Navigator();
        navigator.go(Screen.SHIFT);
        shift = new ClerkShift(() -> office, tasks);
        model = screen(Locale.ENGLISH);
    }

    private ShiftViewModel screen(Locale locale) {
        return new ShiftViewModel(
                shift, navigator, Screen.SHOWTIMES, signOuts::incrementAndGet, new Messages(locale), ZoneId.of("UTC"));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void until(Step step) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> model.stepProperty().get() == step
                        && !model.workingProperty().get());
    }

    @Test
    void theFloatTypedOpensTheShiftAndTheClerkGoesBackToSelling() {
        model.start();
        until(Step.OPENING);

        model.amountProperty().set("150.00");
        model.submit();

        await().atMost(Duration.ofSeconds(10)).until(() -> navigator.current() == Screen.SHOWTIMES);
        assertThat(office.currentShift())
                .get()
                .satisfies(open -> assertThat(open.floatMinor()).isEqualTo(15_000));
        assertThat(shift.stateProperty().get()).isEqualTo(ClerkShift.State.OPEN);
        assertThat(shift.autoOpenedProperty().get()).isFalse();
        assertThat(model.amountProperty().get()).isEmpty();
    }

    @Test
    void closingShowsTheExpectedCashThenTheVarianceInWords() {
        office.openShift(15_000);
        office.cashSale(2_500);
        office.cashRefund(1_000);
        model.start();
        until(Step.CLOSING);

        ShiftFigures open = model.figuresProperty().get();
        assertThat(open.floatAmount()).isEqualTo("150.00");
        assertThat(open.cashSales()).isEqualTo("25.00");
        assertThat(open.cashRefunds()).isEqualTo("10.00");
        assertThat(open.expected()).isEqualTo("165.00");

        model.amountProperty().set("162,50"); // a comma works as well as a point
        model.submit();
        until(Step.CLOSED);

        ShiftFigures closed = model.figuresProperty().get();
        assertThat(closed.counted()).isEqualTo("162.50");
        assertThat(closed.variance()).isEqualTo("2.50 short");
        assertThat(closed.balance()).isEqualTo(ShiftFigures.Balance.SHORT);
        assertThat(model.closedProperty().get().varianceMinor()).isEqualTo(-250);
        assertThat(shift.isOpen()).isFalse();
        assertThat(office.currentShift()).isEmpty();

        model.signOut();
        assertThat(signOuts).hasValue(1);
    }

    @Test
    void aDrawerThatBalancesOrHoldsMoreSaysSo() {
        office.openShift(10_000);
        model.start();
        until(Step.CLOSING);
        model.amountProperty().set("100");
        model.submit();
        until(Step.CLOSED);
        assertThat(model.figuresProperty().get().variance()).isEqualTo("Balanced");

        office.openShift(10_000);
        model = screen(Locale.of("es"));
        model.start();
        until(Step.CLOSING);
        model.amountProperty().set("101,25");
        model.submit();
        until(Step.CLOSED);
        assertThat(model.figuresProperty().get().variance()).isEqualTo("Sobran 1,25");
        assertThat(model.figuresProperty().get().balance()).isEqualTo(ShiftFigures.Balance.OVER);
    }

    @Test
    void anAmountThatIsNoAmountIsRefusedInWordsAndNothingIsSent() {
        model.start();
        until(Step.OPENING);
        int asked = office.calls();

        String[][] refusals = {
            {"", "Type the amount, such as 150.00."},
            {"abc", "Type the amount in digits, such as 150.00."},
            {"1.2.3", "Type the amount in digits, such as 150.00."},
            {"12.345", "At most two digits after the point, such as 150.25."},
            {"-5", "An amount of cash cannot be negative."},
            {"123456789", "That is more than a drawer holds: at most 10,000,000.00."}
        };
        for (String[] refusal : refusals) {
            model.amountProperty().set(refusal[0]);
            model.submit();
            assertThat(model.errorProperty().get()).as(refusal[0]).isEqualTo(refusal[1]);
        }

        assertThat(office.calls()).isEqualTo(asked);
        assertThat(office.currentShift()).isEmpty();
        assertThat(model.stepProperty().get()).isEqualTo(Step.OPENING);
    }

    @Test
    void aShiftACashSaleOpenedShowsAsSuch() {
        office.cashSale(1_200);
        model.start();
        until(Step.CLOSING);

        assertThat(model.autoOpenedProperty().get()).isTrue();
        assertThat(model.figuresProperty().get().floatAmount()).isEqualTo("0.00");
        assertThat(model.figuresProperty().get().expected()).isEqualTo("12.00");
    }

    @Test
    void aShiftOpenedMeanwhileIsShownToBeClosedWithTheServersWords() {
        model.start();
        until(Step.OPENING);
        office.cashSale(900); // a sale at this terminal opened one with float 0 since the screen asked

        model.amountProperty().set("50");
        model.submit();

        until(Step.CLOSING);
        assertThat(model.errorProperty().get())
                .isEqualTo("You already have a shift open on this terminal; close it before opening another.");
        assertThat(model.figuresProperty().get().expected()).isEqualTo("9.00");
    }

    @Test
    void withoutTheServerTheScreenSaysSoAndTriesAgain() {
        office.offline(true);
        model.start();
        until(Step.UNREACHABLE);
        assertThat(model.errorProperty().get()).startsWith("The box-office server cannot be reached");

        office.offline(false);
        model.start();
        until(Step.OPENING);
        assertThat(model.errorProperty().get()).isEmpty();
    }
}
