package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.checkout.Fx;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The seat map in Spanish (issue 14, item 7): the countdown is never cut, and a refusal reads in Spanish. */
@ExtendWith(ApplicationExtension.class)
class SpanishSeatMapTest {

    private final Messages spanish = new Messages(Locale.of("es"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private SeatMapView show(FxRobot robot, Mode mode, FakeBoxOffice.Terminal client, SaleSession sale) {
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        SeatMapView[] view = new SeatMapView[1];
        robot.interact(() -> {
            var model = new SeatMapViewModel(
                    client,
                    SeatMapFixture.NO_LIVE, // the refused tap below must reach the server: no live news first
                    new Tasks(Platform::runLater),
                    navigator,
                    sale,
                    spanish,
                    mode,
                    Clock.system(CheckoutFixture.MADRID));
            view[0] = new SeatMapView(model, navigator, mode, spanish);
            ModeStage.show(stage, view[0], mode, false, 1280, 800);
        });
        return view[0];
    }

    private void theCountdownIsShownWhole(FxRobot robot, Mode mode, int showtime) {
        FakeBoxOffice.Terminal client = CheckoutFixture.terminal();
        SaleSession sale = CheckoutFixture.saleWithHold(
                client, CheckoutFixture.imaxShowtime(client, showtime), SeatType.STANDARD, SeatType.STANDARD);
        show(robot, mode, client, sale);
        Fx.waitUntil(() -> Fx.text(robot, "#seat-countdown").startsWith("Butacas reservadas durante "));

        Label countdown = robot.lookup("#seat-countdown").queryAs(Label.class);
        String drawn = ((Text) countdown.lookup(".text")).getText();
        assertThat(drawn)
                .as("what the label draws")
                .isEqualTo(countdown.getText())
                .doesNotContain("…");
    }

    @Test
    void theCountdownIsNotCutAtACounter(FxRobot robot) {
        theCountdownIsShownWhole(robot, Mode.COUNTER, 3);
    }

    @Test
    void theCountdownIsNotCutAtAKiosk(FxRobot robot) {
        theCountdownIsShownWhole(robot, Mode.KIOSK, 4);
    }

    @Test
    void aSeatSomeoneElseTookIsRefusedInSpanish(FxRobot robot) {
        FakeBoxOffice.Terminal client = CheckoutFixture.terminal();
        var showtime = CheckoutFixture.imaxShowtime(client, 5);
        SaleSession sale = new SaleSession(client, new Tasks(Platform::runLater));
        robot.interact(() -> sale.choose(1L, showtime));
        SeatMapView view = show(robot, Mode.COUNTER, client, sale);
        Fx.waitUntil(() -> view.model().seatMapProperty().get() != null);
        String seat = CheckoutFixture.terminal().seatMap(showtime.id()).seats().stream()
                .filter(s -> s.status() == org.marquee.model.SeatStatus.AVAILABLE
                        && s.row().equals("E"))
                .findFirst()
                .orElseThrow()
                .id();
        client.office().terminal().hold(showtime.id(), List.of(seat)); // another terminal, a moment ago

        robot.interact(() -> view.model().toggle(seat));

        Fx.waitUntil(() -> !Fx.text(robot, "#seat-message").isEmpty());
        assertThat(Fx.text(robot, "#seat-message"))
                .isEqualTo("Otra persona acaba de ocupar las butacas " + seat + ". Elija otras, por favor.");
    }
}
