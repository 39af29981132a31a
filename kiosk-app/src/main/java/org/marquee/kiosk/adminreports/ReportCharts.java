package org.marquee.kiosk.adminreports;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.marquee.kiosk.adminreports.ReportFigures.Figure;
import org.marquee.kiosk.i18n.Messages;

/**
 * The report's charts, JavaFX's own (decision 0023): bars for money per day and per payment method and for occupancy,
 * a pie for ticket types. Each redraws when its figures change; axes are labelled, money ticks read as money, every
 * bar and slice tells its value in a tooltip and to a screen reader. No animation: a chart shows the report, at once.
 */
final class ReportCharts {

    private ReportCharts() {}

    /** Bars of money, the value axis in the report's currency. */
    static BarChart<String, Number> money(
            String id,
            ObservableStringValue title,
            String categoryLabel,
            ObservableStringValue currency,
            ObservableList<Figure> figures,
            Messages messages) {
        NumberAxis values = new NumberAxis();
        values.labelProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> messages.get("admin.reports.revenueAxis", currency.get()), currency));
        values.setTickLabelFormatter(moneyTicks(currency, messages));
        values.setForceZeroInRange(true);
        return bars(id, title, categoryLabel, values, figures);
    }

    /**
     * Bars of occupancy, 0 to 100 %, lying down: a showtime's time and title read across, however many shows the day
     * had. The first show is on top.
     */
    static BarChart<Number, String> percent(
            String id, ObservableStringValue title, ObservableList<Figure> figures, Messages messages) {
        NumberAxis values = new NumberAxis(messages.get("admin.reports.occupancyAxis"), 0, 100, 25);
        values.setAutoRanging(false);
        values.setAnimated(false);
        values.setMinorTickVisible(false);
        values.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.intValue() + " %";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text.replace("%", "").strip());
            }
        });
        CategoryAxis shows = new CategoryAxis();
        shows.setAnimated(false);
        BarChart<Number, String> chart = new BarChart<>(values, shows);
        chart.setId(id);
        chart.titleProperty().bind(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(10);
        chart.getStyleClass().add("report-chart");
        Runnable draw = () -> {
            List<Figure> topDown = figures.reversed(); // a category axis draws its first category at the bottom
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            List<XYChart.Data<Number, String>> data = topDown.stream()
                    .map(figure -> new XYChart.Data<Number, String>(figure.value(), figure.label()))
                    .toList();
            series.getData().setAll(data);
            shows.getCategories().setAll(topDown.stream().map(Figure::label).toList());
            chart.getData().setAll(List.of(series));
            for (int i = 0; i < topDown.size(); i++) {
                describe(data.get(i).getNode(), topDown.get(i));
            }
        };
        figures.addListener((ListChangeListener<Figure>) change -> draw.run());
        draw.run();
        return chart;
    }

    /** A pie of counts, each slice labelled with its name and count. */
    static PieChart pie(String id, ObservableStringValue title, ObservableList<Figure> figures) {
        PieChart chart = new PieChart();
        chart.setId(id);
        chart.titleProperty().bind(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setLabelsVisible(true);
        chart.setStartAngle(90);
        chart.getStyleClass().add("report-chart");
        Runnable draw = () -> {
            chart.getData()
                    .setAll(figures.stream()
                            .map(figure -> new PieChart.Data(figure.label(), figure.value()))
                            .toList());
            for (int i = 0; i < figures.size(); i++) {
                describe(chart.getData().get(i).getNode(), figures.get(i));
            }
        };
        figures.addListener((ListChangeListener<Figure>) change -> draw.run());
        draw.run();
        return chart;
    }

    private static BarChart<String, Number> bars(
            String id,
            ObservableStringValue title,
            String categoryLabel,
            NumberAxis values,
            ObservableList<Figure> figures) {
        CategoryAxis categories = new CategoryAxis();
        categories.setLabel(categoryLabel);
        categories.setAnimated(false);
        values.setAnimated(false);
        values.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(categories, values);
        chart.setId(id);
        chart.titleProperty().bind(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(18);
        chart.getStyleClass().add("report-chart");
        Runnable draw = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            List<XYChart.Data<String, Number>> data = figures.stream()
                    .map(figure -> new XYChart.Data<String, Number>(figure.label(), figure.value()))
                    .toList();
            series.getData().setAll(data);
            categories
                    .getCategories()
                    .setAll(figures.stream().map(Figure::label).toList());
            chart.getData().setAll(List.of(series));
            for (int i = 0; i < figures.size(); i++) {
                Node bar = data.get(i).getNode();
                describe(bar, figures.get(i));
                if (bar != null && figures.get(i).value() < 0) {
                    bar.getStyleClass().add("negative");
                }
            }
        };
        figures.addListener((ListChangeListener<Figure>) change -> draw.run());
        draw.run();
        return chart;
    }

    /** The figure's value in words, in a tooltip and for a screen reader. */
    private static void describe(Node node, Figure figure) {
        if (node == null) {
            return;
        }
        String text = figure.label() + ": " + figure.text();
        Tooltip.install(node, new Tooltip(text));
        if (!node.accessibleTextProperty().isBound()) { // a bar tells its own value already
            node.setAccessibleRole(AccessibleRole.TEXT);
            node.setAccessibleText(text);
        }
    }

    /** "€1,200" on the axis: the currency's sign, whole amounts (the ticks are round numbers). */
    private static StringConverter<Number> moneyTicks(ObservableStringValue currency, Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                NumberFormat format = NumberFormat.getCurrencyInstance(messages.locale());
                try {
                    format.setCurrency(Currency.getInstance(currency.get()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    // an unknown code keeps the locale's own sign; the axis label names the currency anyway
                }
                boolean whole = value.doubleValue() == Math.rint(value.doubleValue());
                format.setMaximumFractionDigits(whole ? 0 : 2);
                format.setMinimumFractionDigits(whole ? 0 : 2);
                return format.format(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text.replaceAll("[^0-9.\\-]", ""));
            }
        };
    }
}
