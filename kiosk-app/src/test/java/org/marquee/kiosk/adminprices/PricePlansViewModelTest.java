package org.marquee.kiosk.adminprices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** The price plans screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class PricePlansViewModelTest {

    AdminFakes server;
    Tasks tasks;
    PricePlansViewModel model;

    @BeforeEach
    void setUp() {
        server = AdminFakes.demo();
        tasks = new Tasks(UiThread.DIRECT);
        model = new PricePlansViewModel(server.cinema(), tasks, new Messages(Locale.ENGLISH));
        model.load();
        settle();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void pricesAreTypedInTheCurrencysUnitsAndSentInMinorUnits() {
        model.edit(model.plans().getFirst());
        assertThat(model.priceProperty(TicketType.ADULT).get()).isEqualTo("9.50");
        assertThat(model.surchargeProperty(SeatType.PREMIUM).get()).isEqualTo("2.00");
        assertThat(model.surchargeProperty(SeatType.WHEELCHAIR).get()).isEmpty();

        model.newPlan();
        model.nameProperty().set("Matinee");
        model.priceProperty(TicketType.ADULT).set("6,50");
        model.priceProperty(TicketType.CHILD).set("4");
        model.priceProperty(TicketType.SENIOR).set("4.75");
        model.surchargeProperty(SeatType.PREMIUM).set("1.5");
        model.save();
        settle();

        PricePlan saved = server.cinema().pricePlans().getLast();
        assertThat(saved.name()).isEqualTo("Matinee");
        assertThat(saved.currency()).isEqualTo("EUR");
        assertThat(saved.ticketPrices())
                .isEqualTo(Map.of(TicketType.ADULT, 650L, TicketType.CHILD, 400L, TicketType.SENIOR, 475L));
        assertThat(saved.seatSurcharges()).isEqualTo(Map.of(SeatType.PREMIUM, 150L));
        assertThat(model.noticeProperty().get()).contains("applies to orders made from now on");
    }

    @Test
    void aMissingPriceAndAnUnknownCurrencyAreShownAtTheirFields() {
        model.newPlan();
        model.nameProperty().set("Broken");
        model.priceProperty(TicketType.ADULT).set("9");
        model.priceProperty(TicketType.CHILD).set("5");
        model.save();
        settle();
        assertThat(model.errors().at("ticketPrices.SENIOR").get())
                .isEqualTo("'ticketPrices.SENIOR' must be a price of 0 or more.");
        assertThat(model.errors().at("ticketPrices.ADULT").get()).isEmpty();

        model.priceProperty(TicketType.SENIOR).set("5");
        model.currencyProperty().set("XYZ");
        model.save();
        settle();
        assertThat(model.errors().at("currency").get()).contains("ISO 4217");
        assertThat(server.cinema().pricePlans()).hasSize(1);

        model.priceProperty(TicketType.CHILD).set("five");
        model.save();
        assertThat(model.errors().at("ticketPrices.CHILD").get()).isEqualTo("Type an amount, such as 9.50.");
    }
}
