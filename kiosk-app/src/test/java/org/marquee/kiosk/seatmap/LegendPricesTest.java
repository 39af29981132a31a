package org.marquee.kiosk.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimePrices;
import org.marquee.model.TicketType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Prices on the seat map (issue 14, item 8): the legend shows what each seat type costs, from the showtime's price
 * plan, in the terminal's currency format: "Standard €12.50", "Premium +€3.00"; "Normal 12,50 €" in Spanish.
 */
@ExtendWith(ApplicationExtension.class)
class LegendPricesTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aStandardSeatCostsTheAdultPriceAndOtherTypesSayWhatTheyAdd() {
        ShowtimePrices plan = new ShowtimePrices(
                7,
                "EUR",
                Map.of(TicketType.ADULT, 1250L, TicketType.CHILD, 950L),
                Map.of(SeatType.PREMIUM, 300L, SeatType.WHEELCHAIR, 0L));

        Map<SeatType, String> english = LegendPrices.texts(plan, new Messages(Locale.ENGLISH));
        Map<SeatType, String> spanish = LegendPrices.texts(plan, new Messages(Locale.of("es")));

        assertThat(english)
                .containsExactlyInAnyOrderEntriesOf(Map.of(SeatType.STANDARD, "€12.50", SeatType.PREMIUM, "+€3.00"));
        assertThat(spanish.get(SeatType.STANDARD)).matches("12,50\\h€");
        assertThat(spanish.get(SeatType.PREMIUM)).matches("\\+3,00\\h€");
        assertThat(english)
                .as("no price for what costs no more")
                .doesNotContainKeys(SeatType.WHEELCHAIR, SeatType.COMPANION);
    }

    private void show(FxRobot robot, Messages messages, Mode mode, String screenshot) {
        FakeBoxOffice.Terminal client = CheckoutFixture.terminal();
        var showtime = CheckoutFixture.imaxShowtime(client, 6);
        SaleSession sale = new SaleSession(client, new Tasks(Platform::runLater));
        robot.interact(() -> sale.choose(1L, showtime));
        Navigator navigator = new Navigator();
        navigator.go(Screen.SEAT_MAP);
        SeatMapView[] view = new SeatMapView[1];
        robot.interact(() -> {
            var model = new SeatMapViewModel(
                    client,
                    SeatMapFixture.NO_LIVE,
                    new Tasks(Platform::runLater),
                    navigator,
                    sale,
                    messages,
                    mode,
                    Clock.system(CheckoutFixture.MADRID));
            view[0] = new SeatMapView(model, navigator, mode, messages);
            ModeStage.show(stage, view[0], mode, false, 1280, 800);
        });
        Fx.waitUntil(() -> view[0].model().seatMapProperty().get() != null
                && !Fx.text(robot, "#legend-premium").equals(messages.get("seatmap.legend.premium")));
        Snapshots.save(stage.getScene(), screenshot);
    }

    @Test
    void theKiosksLegendShowsThePricesOfTheDemoPlan(FxRobot robot) {
        show(robot, new Messages(Locale.ENGLISH), Mode.KIOSK, "seatmap-kiosk-legend-prices");

        assertThat(Fx.text(robot, "#legend-standard")).isEqualTo("Standard €12.50");
        assertThat(Fx.text(robot, "#legend-premium")).isEqualTo("Premium +€3.00");
        assertThat(Fx.text(robot, "#legend-wheelchair")).isEqualTo("Wheelchair space");
        assertThat(Fx.text(robot, "#legend-sold")).isEqualTo("Sold");
    }

    @Test
    void inSpanishThePricesAreWrittenTheSpanishWay(FxRobot robot) {
        show(robot, new Messages(Locale.of("es")), Mode.KIOSK, "seatmap-kiosk-legend-prices-es");

        assertThat(robot.lookup("#legend-standard").queryAs(Label.class).getText())
                .matches("Normal 12,50\\h€");
        assertThat(Fx.text(robot, "#legend-premium")).matches("Preferente \\+3,00\\h€");
    }
}
