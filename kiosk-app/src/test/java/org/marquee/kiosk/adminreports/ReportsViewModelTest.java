package org.marquee.kiosk.adminreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.adminreports.ReportFigures.Figure;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeReports;
import org.marquee.model.SalesReport;

/** The reports screen's logic without the FX toolkit, against the admin API's in-memory fakes. */
class ReportsViewModelTest {

    FakeReports reports;
    Tasks tasks;
    ReportsViewModel model;

    @BeforeEach
    void setUp() {
        reports = ReportsFixture.week();
        tasks = new Tasks(UiThread.DIRECT);
        model = new ReportsViewModel(
                reports,
                AdminFakes.demo().cinema(),
                tasks,
                new Messages(Locale.ENGLISH),
                ReportsFixture.thursdayEvening(),
                1L);
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
    void thisWeekAtTheTerminalsTheaterIsShownInEveryChartAndTheTable() {
        model.start();
        settle();

        assertThat(model.theaterProperty().get()).isEqualTo(new TheaterChoice(1L, "Cine Sol"));
        assertThat(model.fromProperty().get()).isEqualTo("2026-11-30");
        assertThat(model.toProperty().get()).isEqualTo("2026-12-03");
        // every day of the week has a bar, Thursday without sales too; Wednesday is its sale less Tuesday's refund
        assertThat(model.revenue())
                .extracting(Figure::label, Figure::value, Figure::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Mon 30 Nov", 19.0, "€19.00"),
                        org.assertj.core.groups.Tuple.tuple("Tue 1 Dec", 22.5, "€22.50"),
                        org.assertj.core.groups.Tuple.tuple("Wed 2 Dec", 6.0, "€6.00"),
                        org.assertj.core.groups.Tuple.tuple("Thu 3 Dec", 0.0, "€0.00"));
        assertThat(model.payments())
                .extracting(Figure::label, Figure::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Card", "€28.50"),
                        org.assertj.core.groups.Tuple.tuple("Cash", "€19.00"));
        assertThat(model.ticketTypes())
                .extracting(Figure::label, Figure::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Adult: 6", 6.0),
                        org.assertj.core.groups.Tuple.tuple("Child: 2", 2.0));
        // the occupancy of yesterday's shows, each named by its time in the theater's zone
        assertThat(model.dateProperty().get()).isEqualTo("2026-12-02");
        assertThat(model.occupancyTitleProperty().get()).isEqualTo("Occupancy on Wed 2 Dec");
        assertThat(model.occupancy())
                .extracting(Figure::label, Figure::value, Figure::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("17:00 Paper Boats", 25.0, "25% (20 of 80 seats)"),
                        org.assertj.core.groups.Tuple.tuple("20:30 The Long Night", 75.0, "75% (90 of 120 seats)"));

        assertThat(model.rows())
                .extracting(SalesReport.Row::key)
                .containsExactly("2026-11-30", "2026-12-01", "2026-12-02");
        SalesReport.Row totals = model.totalsProperty().get();
        assertThat(totals.orders()).isEqualTo(3);
        assertThat(totals.tickets()).isEqualTo(8);
        assertThat(model.money(totals.grossMinor())).isEqualTo("€70.00");
        assertThat(model.money(totals.refundsMinor())).isEqualTo("€22.50");
        assertThat(model.money(totals.netMinor())).isEqualTo("€47.50");
    }

    @Test
    void anotherGroupingOrTheaterIsReadAtOnce() {
        model.start();
        settle();
        model.groupByProperty().set("paymentMethod");
        settle();
        assertThat(model.rows()).extracting(model::labelOf).containsExactly("Card", "Cash");

        model.theaterProperty().set(model.theaters().getFirst()); // all theaters
        settle();
        assertThat(model.totalsProperty().get().orders()).isEqualTo(4);
        assertThat(model.occupancy()).isEmpty();
        assertThat(model.occupancyNoteProperty().get()).isEqualTo("Choose a theater to see how full its shows were.");
    }

    @Test
    void yesterdayIsOneDayAndItsShows() {
        model.start();
        settle();
        model.yesterday();
        settle();
        assertThat(model.fromProperty().get()).isEqualTo("2026-12-02");
        assertThat(model.toProperty().get()).isEqualTo("2026-12-02");
        assertThat(model.revenue()).extracting(Figure::text).containsExactly("€6.00");
        assertThat(model.totalsProperty().get().grossMinor()).isEqualTo(2850);
        assertThat(model.totalsProperty().get().refundsMinor()).isEqualTo(2250);
    }

    @Test
    void theExportSavesTheServersCsvToTheFileChosen(@TempDir Path folder) throws IOException {
        model.start();
        settle();
        String[] suggested = {null};
        model.exportCsv(name -> {
            suggested[0] = name;
            return Optional.of(folder.resolve(name));
        });
        settle();

        assertThat(suggested[0]).isEqualTo("sales-day-2026-11-30-2026-12-03.csv");
        List<String> lines = Files.readAllLines(folder.resolve(suggested[0]));
        assertThat(lines.getFirst()).isEqualTo(FakeReports.CSV_HEADER);
        assertThat(lines).hasSize(4).contains("2026-12-02,2026-12-02,1,3,2850,2250,600");
        assertThat(model.noticeProperty().get()).isEqualTo("Saved 3 rows to " + folder.resolve(suggested[0]) + ".");

        model.exportCsv(name -> Optional.empty()); // the manager closed the file dialog
        settle();
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(Files.list(folder)).hasSize(1);
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidInWords(@TempDir Path folder) {
        model.start();
        settle();
        Path nowhere = folder.resolve("no-such-folder").resolve("sales.csv");
        model.exportCsv(name -> Optional.of(nowhere));
        settle();
        assertThat(model.errors().form().get())
                .isEqualTo("The report could not be saved to " + nowhere + ". Choose another folder.");
    }

    @Test
    void daysThatAreNoDatesOrBackwardsAreRefusedBeforeAskingAndTheServersRefusalAtItsField() {
        model.start();
        settle();
        model.fromProperty().set("last monday");
        model.load();
        assertThat(model.errors().at("from").get()).isEqualTo("Type a day as year-month-day, such as 2026-11-30.");

        model.fromProperty().set("2026-12-03");
        model.toProperty().set("2026-12-01");
        model.load();
        assertThat(model.errors().at("from").get()).isEmpty();
        assertThat(model.errors().at("to").get()).isEqualTo("The last day must not be before the first.");

        model.fromProperty().set("2024-01-01");
        model.toProperty().set("2026-12-01");
        model.load();
        settle();
        assertThat(model.errors().at("to").get())
                .isEqualTo("A report covers at most 366 days; ask for a shorter period.");
        assertThat(model.totalsProperty().get().orders()).isEqualTo(3); // what was shown stays
    }
}
