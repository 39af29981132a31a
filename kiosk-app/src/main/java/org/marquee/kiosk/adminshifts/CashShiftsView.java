package org.marquee.kiosk.adminshifts;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.i18n.Messages;

/**
 * The day's cash shifts: a day (date picker, Alt+D; Alt+P and Alt+N step a day), a table of the shifts with a row
 * that did not balance highlighted, and the day's summary. Only binds to {@link CashShiftsViewModel}.
 */
public final class CashShiftsView extends StackPane {

    /** The cash screens' own styles, beside admin.css. */
    public static final String STYLESHEET = java.util.Objects.requireNonNull(
                    CashShiftsView.class.getResource("/org/marquee/kiosk/css/admin-cash.css"),
                    "admin-cash.css is missing")
            .toExternalForm();

    /** The pseudo-class of a row whose counted cash differs from the expected. */
    static final PseudoClass OFF = PseudoClass.getPseudoClass("variance");

    public CashShiftsView(CashShiftsViewModel model, Messages messages) {
        getStylesheets().add(STYLESHEET);
        DatePicker day = new DatePicker();
        day.setId("cash-date");
        day.valueProperty().bindBidirectional(model.dateProperty());
        day.setPrefWidth(160);
        Label dayLabel = new Label(messages.get("admin.cash.day"));
        dayLabel.setMnemonicParsing(true);
        dayLabel.setLabelFor(day);
        Button previous = AdminStyles.button("cash-previous", messages.get("admin.cash.previous"), model::previousDay);
        Button next = AdminStyles.button("cash-next", messages.get("admin.cash.next"), model::nextDay);
        Button reload = AdminStyles.button("cash-reload", messages.get("admin.cash.reload"), model::load);
        previous.disableProperty().bind(model.workingProperty());
        next.disableProperty().bind(model.workingProperty());
        HBox filters = new HBox(10, dayLabel, day, previous, next, reload);
        filters.getStyleClass().add("cash-filters"); // admin.css's filters sit at the bottom; these are centred
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<ShiftRow> table = new TableView<>(model.rows());
        table.setId("cash-table");
        table.setPlaceholder(new Label(messages.get("admin.cash.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("admin.cash.clerk"), 110, ShiftRow::clerk));
        table.getColumns().add(column(messages.get("admin.cash.terminal"), 130, ShiftRow::terminal));
        table.getColumns().add(column(messages.get("admin.cash.opened"), 80, ShiftRow::opened));
        table.getColumns().add(column(messages.get("admin.cash.closed"), 90, ShiftRow::closed));
        table.getColumns().add(amountColumn(messages.get("admin.cash.float"), ShiftRow::floatAmount));
        table.getColumns().add(amountColumn(messages.get("admin.cash.expected"), ShiftRow::expected));
        table.getColumns().add(amountColumn(messages.get("admin.cash.counted"), ShiftRow::counted));
        table.getColumns().add(column(messages.get("admin.cash.variance"), 130, ShiftRow::variance));
        table.setRowFactory(view -> {
            TableRow<ShiftRow> row = new TableRow<>();
            row.itemProperty()
                    .addListener((obs, before, item) -> row.pseudoClassStateChanged(OFF, item != null && item.off()));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("cash-summary");
        summary.getStyleClass().add("cash-summary");
        summary.textProperty().bind(model.summaryProperty());

        VBox body = new VBox(
                8,
                filters,
                AdminStyles.error("cash-date-error", model.errors().at("date")),
                AdminStyles.error("cash-error", model.errors().form()),
                table,
                summary);
        getChildren().add(AdminStyles.page(messages.get("admin.cash.title"), messages.get("admin.cash.hint"), body));
        model.load();
    }

    private static TableColumn<ShiftRow, String> column(String title, double width, Function<ShiftRow, String> text) {
        TableColumn<ShiftRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<ShiftRow, String> amountColumn(String title, Function<ShiftRow, String> text) {
        TableColumn<ShiftRow, String> column = column(title, 100, text);
        column.getStyleClass().add("amount"); // right-aligned, so the decimals line up
        return column;
    }
}
