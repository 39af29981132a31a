package org.marquee.kiosk.admintheaters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterSettings;

/** The theaters screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class TheatersViewModelTest {

    AdminFakes server;
    Tasks tasks;
    TheatersViewModel model;

    @BeforeEach
    void setUp() {
        server = AdminFakes.demo();
        tasks = new Tasks(UiThread.DIRECT);
        model = new TheatersViewModel(server.cinema(), tasks, new Messages(Locale.ENGLISH));
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
    void aNewTheaterStartsWithTheContractsDefaultsAndIsSavedWithItsSettings() {
        assertThat(model.theaters()).extracting(TheaterSettings::name).containsExactly("Cine Sol", "Cine Luna");
        model.newTheater();
        assertThat(model.cleaningMinutesProperty().get()).isEqualTo("20");
        assertThat(model.singleSeatRuleProperty().get()).isEqualTo(SingleSeatRule.KIOSK);
        assertThat(model.accessibleReleaseMinutesProperty().get()).isEqualTo("30");

        model.nameProperty().set("Cine Estrella");
        model.addressProperty().set("Plaza Mayor 3, Madrid");
        model.latProperty().set("40.4155");
        model.lonProperty().set("-3.7074");
        model.timeZoneProperty().set("Europe/Madrid");
        model.cleaningMinutesProperty().set("15");
        model.singleSeatRuleProperty().set(SingleSeatRule.ALL);
        model.accessibleReleaseMinutesProperty().set("60");
        model.save();
        settle();

        TheaterSettings saved = server.cinema().theaters().getLast();
        assertThat(saved.name()).isEqualTo("Cine Estrella");
        assertThat(saved.cleaningMinutes()).isEqualTo(15);
        assertThat(saved.singleSeatRule()).isEqualTo(SingleSeatRule.ALL);
        assertThat(saved.accessibleReleaseMinutes()).isEqualTo(60);
        assertThat(model.theaters()).contains(saved);
        assertThat(model.editingProperty().get()).isEqualTo(saved);
        assertThat(model.noticeProperty().get()).isEqualTo("Saved: Cine Estrella.");
        assertThat(server.audit().all().getLast().action()).isEqualTo("THEATER_CREATED");
    }

    @Test
    void theServersRefusalIsShownAtTheFieldItNamesAndNothingChanges() {
        List<Object> before = server.cinema().everything();
        model.edit(model.theaters().getFirst());
        model.cleaningMinutesProperty().set("500");
        model.save();
        settle();

        assertThat(model.errors().at("cleaningMinutes").get())
                .isEqualTo("'cleaningMinutes' must be between 0 and 240.");
        assertThat(model.errors().at("name").get()).isEmpty();
        assertThat(model.errors().form().get()).isEmpty();
        assertThat(server.cinema().everything()).isEqualTo(before);

        model.timeZoneProperty().set("Mars/Olympus");
        model.cleaningMinutesProperty().set("25");
        model.save();
        settle();
        assertThat(model.errors().at("cleaningMinutes").get()).isEmpty();
        assertThat(model.errors().at("timeZone").get()).contains("time zone");
    }

    @Test
    void textThatIsNoNumberIsMarkedHereAndNotSent() {
        int entries = server.audit().all().size();
        model.edit(model.theaters().getFirst());
        model.latProperty().set("north");
        model.save();

        assertThat(model.errors().at("lat").get()).isEqualTo("Type a number, such as 40.4168.");
        assertThat(model.workingProperty().get()).isFalse();
        assertThat(server.audit().all()).hasSize(entries);
    }

    @Test
    void changingATheaterReplacesItInTheList() {
        TheaterSettings luna = model.theaters().get(1);
        model.edit(luna);
        assertThat(model.singleSeatRuleProperty().get()).isEqualTo(SingleSeatRule.ALL);
        model.nameProperty().set("Cine Luna Nueva");
        model.save();
        settle();

        assertThat(model.theaters()).extracting(TheaterSettings::name).containsExactly("Cine Sol", "Cine Luna Nueva");
        assertThat(model.theaters().get(1).id()).isEqualTo(luna.id());
        assertThat(model.theaters().get(1).cleaningMinutes()).isEqualTo(25);
    }
}
