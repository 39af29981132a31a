package org.marquee.kiosk.adminrefunds;

import java.util.Objects;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.FailedRefund;

/**
 * The refunds still owed: a table (arrow keys choose one), "Paid out in cash…" (Alt+P) with a confirmation where
 * Enter agrees and Escape backs out, and what happened in words. Only binds to {@link FailedRefundsViewModel}.
 */
public final class FailedRefundsView extends StackPane {

    static final String STYLESHEET = Objects.requireNonNull(
                    FailedRefundsView.class.getResource("/org/marquee/kiosk/css/admin-cash.css"),
                    "admin-cash.css is missing")
            .toExternalForm();

    public FailedRefundsView(FailedRefundsViewModel model, Messages messages) {
        getStylesheets().add(STYLESHEET);
        TableView<FailedRefund> table = new TableView<>(model.refunds());
        table.setId("refunds-table");
        table.setPlaceholder(new Label(messages.get("admin.refunds.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("admin.refunds.order"), 90, FailedRefund::orderCode, false));
        table.getColumns().add(column(messages.get("admin.refunds.showtime"), 260, model::showtime, false));
        table.getColumns().add(column(messages.get("admin.refunds.amount"), 100, model::amount, true));
        table.getColumns().add(column(messages.get("admin.refunds.card"), 90, model::card, false));
        table.getColumns()
                .add(column(
                        messages.get("admin.refunds.attempts"),
                        80,
                        refund -> Integer.toString(refund.attempts()),
                        true));
        table.getColumns().add(column(messages.get("admin.refunds.nextAttempt"), 150, model::nextAttempt, false));
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, before, item) -> model.selectedProperty().set(item));
        model.selectedProperty().addListener((obs, before, item) -> {
            if (item != null && table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button payOut = AdminStyles.primary("refunds-pay-out", messages.get("admin.refunds.payOut"), model::askPayOut);
        BooleanBinding asking = model.confirmingProperty().isNotNull();
        payOut.disableProperty()
                .bind(model.selectedProperty()
                        .isNull()
                        .or(model.workingProperty())
                        .or(asking));
        Button reload = AdminStyles.button("refunds-reload", messages.get("admin.refunds.reload"), model::load);
        reload.disableProperty().bind(model.workingProperty().or(asking));

        VBox body = new VBox(
                8,
                table,
                AdminStyles.notice("refunds-notice", model.noticeProperty()),
                AdminStyles.error("refunds-error", model.errorProperty()),
                confirmation(model, messages, asking),
                AdminStyles.actions(payOut, reload));
        getChildren()
                .add(AdminStyles.page(messages.get("admin.refunds.title"), messages.get("admin.refunds.hint"), body));
        model.load();
    }

    private static VBox confirmation(FailedRefundsViewModel model, Messages messages, BooleanBinding asking) {
        Label question = new Label();
        question.setId("refunds-question");
        question.setWrapText(true);
        question.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.question(model.confirmingProperty().get()), model.confirmingProperty()));
        Button yes = AdminStyles.button("refunds-confirm", messages.get("admin.refunds.yes"), model::confirmPayOut);
        yes.setMnemonicParsing(false);
        yes.getStyleClass().add("danger");
        yes.defaultButtonProperty().bind(asking);
        yes.disableProperty().bind(model.workingProperty());
        Button no = AdminStyles.button("refunds-cancel", messages.get("admin.refunds.no"), model::cancelPayOut);
        no.setMnemonicParsing(false);
        no.cancelButtonProperty().bind(asking);
        VBox panel = new VBox(question, AdminStyles.actions(yes, no));
        panel.setId("refunds-confirmation");
        panel.getStyleClass().add("refund-confirm");
        panel.visibleProperty().bind(asking);
        panel.managedProperty().bind(asking);
        asking.addListener((obs, before, now) -> {
            if (now) {
                Platform.runLater(yes::requestFocus);
            }
        });
        return panel;
    }

    private static TableColumn<FailedRefund, String> column(
            String title, double width, Function<FailedRefund, String> text, boolean amount) {
        TableColumn<FailedRefund, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        if (amount) {
            column.getStyleClass().add("amount");
        }
        return column;
    }
}
