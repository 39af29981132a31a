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
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeReports;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.SalesReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager opens the week's reports, sees the charts drawn, groups the table by movie and exports it as CSV. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ENGLISH);
        ReportsViewModel model = new ReportsViewModel(
                ReportsFixture.week(),
                AdminFakes.demo().cinema(),
                new Tasks(Platform::runLater),
                messages,
                ReportsFixture.thursdayEvening(),
                1L);
        ReportsView view = new ReportsView(model, messages, name -> Optional.of(folder.resolve(name)));
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportLoadsItsChartsAndExportsTheCsv(FxRobot robot) throws IOException {
        BarChart<String, Number> revenue = robot.lookup("#chart-revenue").queryAs(BarChart.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !revenue.getData().isEmpty()
                        && revenue.getData().getFirst().getData().size() == 4);
        List<XYChart.Data<String, Number>> days = revenue.getData().getFirst().getData();
        assertThat(days)
                .extracting(XYChart.Data::getXValue)
                .containsExactly("Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec");
        assertThat(days).extracting(data -> data.getYValue().doubleValue()).containsExactly(19.0, 22.5, 6.0, 0.0);
        NumberAxis money = (NumberAxis) revenue.getYAxis();
        assertThat(money.getLabel()).isEqualTo("Net revenue (EUR)");
        assertThat(money.getTickLabelFormatter().toString(20)).isEqualTo("€20");
        assertThat(revenue.getXAxis().getLabel()).isEqualTo("Day");

        BarChart<Number, String> occupancy = robot.lookup("#chart-occupancy").queryAs(BarChart.class);
        assertThat(occupancy.getTitle()).isEqualTo("Occupancy on Wed 2 Dec");
        assertThat(occupancy.getData().getFirst().getData()) // lying bars, the first show on top
                .extracting(XYChart.Data::getYValue, data -> data.getXValue().doubleValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20:30 The Long Night", 75.0),
                        org.assertj.core.groups.Tuple.tuple("17:00 Paper Boats", 25.0));
        BarChart<String, Number> payments = robot.lookup("#chart-payments").queryAs(BarChart.class);
        assertThat(payments.getData().getFirst().getData())
                .extracting(XYChart.Data::getXValue)
                .containsExactly("Card", "Cash");
        PieChart tickets = robot.lookup("#chart-tickets").queryAs(PieChart.class);
        assertThat(tickets.getData()).extracting(PieChart.Data::getName).containsExactly("Adult: 6", "Child: 2");

        TableView<SalesReport.Row> table = robot.lookup("#reports-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4); // three days and the totals
        assertThat(robot.lookup("€47.50").tryQuery()).isPresent();

        robot.clickOn("#reports-group-by").clickOn("Movie");
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 3);
        robot.clickOn("#reports-export");
        Path file = folder.resolve("sales-movie-2026-11-30-2026-12-03.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo(FakeReports.CSV_HEADER);
        assertThat(lines)
                .contains("Paper Boats,Paper Boats,1,3,2250,2250,0", "The Long Night,The Long Night,2,5,4750,0,4750");
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        robot.lookup("#reports-notice").queryLabeled().getText().startsWith("Saved 2 rows to "));
    }
}
