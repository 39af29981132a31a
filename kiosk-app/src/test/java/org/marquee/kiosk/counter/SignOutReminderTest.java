package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.kiosk.testing.FakeStaffDesk;

/**
 * A clerk who signs out with the cash shift still open is reminded, not blocked: close it now, stay, or sign out
 * anyway (the sign-out key again). The shift's state is asked after the sign-in and when a cash sale may have opened
 * one; F6 and F7 work only in the state their buttons are shown in. Without the FX toolkit, against the fakes.
 */
class SignOutReminderTest {

    FakeCashOffice office;
    FakeStaffDesk desk;
    Tasks tasks;
    Navigator navigator;
    ClerkShift shift;
    CounterSession session;
    Map<KeyCombination, Runnable> keys;

    @BeforeEach
    void setUp() {
        office = new FakeCashOffice(Clock.fixed(AdminFakes.NOW, ZoneOffset.UTC));
        desk = AdminFakes.demo().desk();
        tasks = new Tasks(UiThread.DIRECT);
        navigator = new Navigator();
        navigator.go(Screen.LOGIN);
        shift = new ClerkShift(() -> office, tasks);
        session = new CounterSession(
                () -> desk, tasks, navigator, new SaleSession(new FakeBoxOffice().terminal(), tasks), false, shift);
        keys = CounterShortcuts.map(navigator, session);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void signIn() {
        session.started(session.authenticate("alice", "1234"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shift.stateProperty().get() != ClerkShift.State.UNKNOWN);
    }

    private void signedOut() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isSignedIn());
    }

    @Test
    void anOpenShiftRemindsTheClerkWhoMayStayOrSignOutAnyway() {
        office.openShift(15_000);
        signIn();
        assertThat(shift.isOpen()).isTrue();

        session.signOut();
        assertThat(session.remindingProperty().get()).isTrue();
        assertThat(session.isSignedIn()).isTrue();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);

        session.staySignedIn();
        assertThat(session.remindingProperty().get()).isFalse();
        assertThat(session.isSignedIn()).isTrue();

        keys.get(CounterShortcuts.SIGN_OUT).run();
        assertThat(session.remindingProperty().get()).isTrue();
        keys.get(CounterShortcuts.SIGN_OUT).run(); // the same key again: sign out anyway
        signedOut();

        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
        assertThat(session.remindingProperty().get()).isFalse();
        assertThat(shift.stateProperty().get()).isEqualTo(ClerkShift.State.UNKNOWN);
        assertThat(office.currentShift())
                .as("the shift stays open on the server")
                .isPresent();
    }

    @Test
    void closeItNowLeadsToTheShiftScreenStillSignedIn() {
        office.openShift(15_000);
        signIn();

        session.signOut();
        session.showShift();

        assertThat(navigator.current()).isEqualTo(Screen.SHIFT);
        assertThat(session.remindingProperty().get()).isFalse();
        assertThat(session.isSignedIn()).isTrue();
    }

    @Test
    void withNoShiftOpenTheClerkSignsOutAtOnce() {
        signIn();
        assertThat(shift.stateProperty().get()).isEqualTo(ClerkShift.State.NONE);

        session.signOut();

        signedOut();
        assertThat(session.remindingProperty().get()).isFalse();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
    }

    @Test
    void aShiftACashSaleOpenedIsNoticedOnTheNextScreenAndReminded() {
        signIn();
        office.cashSale(2_400); // paid in cash at this terminal: the server opened a shift with float 0

        navigator.go(Screen.DONE);

        await().atMost(Duration.ofSeconds(10)).until(shift::isOpen);
        assertThat(shift.autoOpenedProperty().get()).isTrue();
        assertThat(shift.shiftProperty().get().expectedCashMinor()).isEqualTo(2_400);
        session.signOut();
        assertThat(session.remindingProperty().get()).isTrue();
    }

    @Test
    void sixOpensOnlyWithoutAShiftAndSevenClosesOnlyWithOne() {
        signIn();
        keys.get(CounterShortcuts.CLOSE_SHIFT).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        keys.get(CounterShortcuts.OPEN_SHIFT).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHIFT);

        navigator.go(Screen.SHOWTIMES);
        office.openShift(5_000);
        shift.refresh();
        await().atMost(Duration.ofSeconds(10)).until(shift::isOpen);
        keys.get(CounterShortcuts.OPEN_SHIFT).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        keys.get(CounterShortcuts.CLOSE_SHIFT).run();
        assertThat(navigator.current()).isEqualTo(Screen.SHIFT);
    }

    @Test
    void nobodySignedInHasNoShiftKeys() {
        keys.get(CounterShortcuts.OPEN_SHIFT).run();
        assertThat(navigator.current()).isEqualTo(Screen.LOGIN);
    }
}
