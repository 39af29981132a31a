package org.marquee.kiosk.adminreports;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SalesReport;

/**
 * The reports: the period, theater and day above; four charts (revenue per day, occupancy per showtime, payment
 * methods, ticket types) beside the table of sales with its totals and "Export CSV". Only binds to
 * {@link ReportsViewModel}; the file to export to is chosen through a {@link CsvTarget}.
 */
public final class ReportsView extends StackPane {

    static final String STYLESHEET = "/org/marquee/kiosk/css/admin-day.css";
    private static final double TABLE_WIDTH = 540;

    /** With a FileChooser for the export. */
    public ReportsView(ReportsViewModel model, Messages messages) {
        this(model, messages, null);
    }

    /** @param target where an export goes; null for a FileChooser over this view's window */
    public ReportsView(ReportsViewModel model, Messages messages, CsvTarget target) {
        getStylesheets().add(ReportsView.class.getResource(STYLESHEET).toExternalForm());
        CsvTarget exportTo = target != null ? target : name -> chooseFile(name, messages);
        FormErrors errors = model.errors();

        ComboBox<TheaterChoice> theater = new ComboBox<>(model.theaters());
        theater.setId("reports-theater");
        theater.valueProperty().bindBidirectional(model.theaterProperty());
        Button show = AdminStyles.primary("reports-show", messages.get("admin.reports.show"), model::load);
        show.setDefaultButton(true);
        Button yesterday =
                AdminStyles.button("reports-yesterday", messages.get("admin.reports.yesterday"), model::yesterday);
        Button week = AdminStyles.button("reports-week", messages.get("admin.reports.thisWeek"), model::thisWeek);
        for (Button button : new Button[] {show, yesterday, week}) {
            button.disableProperty().bind(model.workingProperty());
        }
        HBox filters = new HBox(
                labelled("reports-theater", messages.get("admin.reports.theater"), theater, errors.at("theaterId")),
                dayField("reports-from", messages.get("admin.reports.from"), model.fromProperty(), errors.at("from")),
                dayField("reports-to", messages.get("admin.reports.to"), model.toProperty(), errors.at("to")),
                dayField("reports-date", messages.get("admin.reports.date"), model.dateProperty(), errors.at("date")),
                show,
                yesterday,
                week);
        filters.getStyleClass().add("report-filters");

        GridPane charts = charts(model, messages);
        VBox table = table(model, messages, exportTo);
        HBox both = new HBox(16, charts, table);
        HBox.setHgrow(charts, Priority.ALWAYS);
        VBox body = new VBox(
                8,
                filters,
                AdminStyles.error("reports-error", errors.form()),
                AdminStyles.notice("reports-notice", model.noticeProperty()),
                both);
        VBox.setVgrow(both, Priority.ALWAYS);
        getChildren()
                .add(AdminStyles.page(messages.get("admin.reports.title"), messages.get("admin.reports.hint"), body));
        model.start();
    }

    private static GridPane charts(ReportsViewModel model, Messages messages) {
        Node revenue = ReportCharts.money(
                "chart-revenue",
                new ReadOnlyStringWrapper(messages.get("admin.reports.revenueTitle")),
                messages.get("admin.reports.dayAxis"),
                model.currencyProperty(),
                model.revenue(),
                messages);
        Label note = new Label();
        note.setId("occupancy-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(model.occupancyNoteProperty());
        note.visibleProperty().bind(Bindings.isNotEmpty(model.occupancyNoteProperty()));
        StackPane occupancy = new StackPane(
                ReportCharts.percent("chart-occupancy", model.occupancyTitleProperty(), model.occupancy(), messages),
                note);
        Node payments = ReportCharts.money(
                "chart-payments",
                new ReadOnlyStringWrapper(messages.get("admin.reports.paymentTitle")),
                messages.get("admin.reports.paymentAxis"),
                model.currencyProperty(),
                model.payments(),
                messages);
        Node tickets = ReportCharts.pie(
                "chart-tickets",
                new ReadOnlyStringWrapper(messages.get("admin.reports.ticketTitle")),
                model.ticketTypes());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("report-charts");
        grid.add(revenue, 0, 0);
        grid.add(occupancy, 1, 0);
        grid.add(payments, 0, 1);
        grid.add(tickets, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.setMinWidth(0);
        return grid;
    }

    private static VBox table(ReportsViewModel model, Messages messages, CsvTarget target) {
        ComboBox<String> grouping = new ComboBox<>(FXCollections.observableArrayList(ReportsViewModel.GROUPINGS));
        grouping.setId("reports-group-by");
        grouping.valueProperty().bindBidirectional(model.groupByProperty());
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : model.groupingName(key);
            }

            @Override
            public String fromString(String text) {
                return ReportsViewModel.GROUPINGS.stream()
                        .filter(key -> model.groupingName(key).equals(text))
                        .findFirst()
                        .orElse("day");
            }
        });
        Label groupLabel = new Label(messages.get("admin.reports.groupBy"));
        groupLabel.setMnemonicParsing(true);
        groupLabel.setLabelFor(grouping);

        // the rows, then the totals as a last row of their own look
        ObservableList<SalesReport.Row> shown = FXCollections.observableArrayList();
        Runnable fill = () -> {
            shown.setAll(model.rows());
            if (model.totalsProperty().get() != null && !model.rows().isEmpty()) {
                shown.add(model.totalsProperty().get());
            }
        };
        model.rows().addListener((ListChangeListener<SalesReport.Row>) change -> fill.run());
        model.totalsProperty().addListener((obs, before, now) -> fill.run());
        TableView<SalesReport.Row> table = new TableView<>(shown);
        table.setId("reports-table");
        table.setPlaceholder(new Label(messages.get("admin.reports.noData")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> {
            TableRow<SalesReport.Row> row = new TableRow<>();
            row.itemProperty().addListener((obs, before, item) -> {
                row.getStyleClass().remove("report-totals");
                if (item != null && item == model.totalsProperty().get()) {
                    row.getStyleClass().add("report-totals");
                }
            });
            return row;
        });
        table.getColumns()
                .add(column(
                        messages.get("admin.reports.groupBy.day"),
                        100,
                        row -> row == model.totalsProperty().get()
                                ? messages.get("admin.reports.total")
                                : model.labelOf(row),
                        false));
        table.getColumns()
                .getFirst()
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.groupingName(model.groupByProperty().get()), model.groupByProperty()));
        table.getColumns().add(column(messages.get("admin.reports.orders"), 66, row -> "" + row.orders(), true));
        table.getColumns()
                .add(column(messages.get("admin.reports.ticketsColumn"), 70, row -> "" + row.tickets(), true));
        table.getColumns()
                .add(column(messages.get("admin.reports.gross"), 85, row -> model.money(row.grossMinor()), true));
        table.getColumns()
                .add(column(messages.get("admin.reports.refunds"), 85, row -> model.money(row.refundsMinor()), true));
        table.getColumns().add(column(messages.get("admin.reports.net"), 85, row -> model.money(row.netMinor()), true));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button export = AdminStyles.button(
                "reports-export", messages.get("admin.reports.export"), () -> model.exportCsv(target));
        export.disableProperty().bind(model.workingProperty());
        HBox top = new HBox(8, groupLabel, grouping);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, table, AdminStyles.actions(export));
        box.setPrefWidth(TABLE_WIDTH);
        box.setMinWidth(490); // the totals' money must not be cut at 1280 pixels
        return box;
    }

    private static TableColumn<SalesReport.Row, String> column(
            String title, double width, Function<SalesReport.Row, String> text, boolean number) {
        TableColumn<SalesReport.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        if (number) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return column;
    }

    private static VBox dayField(String id, String label, StringProperty value, ObservableStringValue error) {
        TextField field = AdminStyles.text(value, "2026-11-30");
        field.setPrefColumnCount(8);
        return labelled(id, label, field, error);
    }

    private static VBox labelled(
            String id, String label, javafx.scene.control.Control control, ObservableStringValue error) {
        control.setId(id);
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(control);
        return new VBox(2, caption, control, AdminStyles.error(id + "-error", error));
    }

    private Optional<Path> chooseFile(String name, Messages messages) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("admin.reports.exportTitle"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
