package org.marquee.kiosk.adminaudit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AuditEntry;

/** The audit log's filters, its entries as a table, and the pages. Only binds to {@link AuditViewModel}. */
public final class AuditView extends StackPane {

    public AuditView(AuditViewModel model, Messages messages) {
        FormErrors errors = model.errors();
        HBox filters = new HBox(
                filter(
                        "audit-from",
                        messages.get("admin.audit.from"),
                        model.fromProperty(),
                        "2026-11-30",
                        errors.at("from")),
                filter("audit-to", messages.get("admin.audit.to"), model.toProperty(), "2026-11-30", errors.at("to")),
                filter(
                        "audit-action",
                        messages.get("admin.audit.action"),
                        model.actionProperty(),
                        "THEATER_UPDATED",
                        errors.at("action")),
                filter(
                        "audit-actor",
                        messages.get("admin.audit.actor"),
                        model.actorProperty(),
                        "morgan",
                        errors.at("actor")));
        Button search = AdminStyles.primary("audit-search", messages.get("admin.audit.search"), model::search);
        search.setDefaultButton(true);
        search.disableProperty().bind(model.workingProperty());
        filters.getChildren().add(search);
        filters.getStyleClass().add("admin-filters");

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        TableView<AuditEntry> table = new TableView<>(model.entries());
        table.setId("audit-table");
        table.setPlaceholder(new Label(messages.get("admin.audit.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("admin.audit.at"), 150, entry -> when.format(entry.at())));
        table.getColumns().add(column(messages.get("admin.audit.who"), 170, AuditView::who));
        table.getColumns().add(column(messages.get("admin.audit.action"), 170, AuditEntry::action));
        table.getColumns()
                .add(column(
                        messages.get("admin.audit.entity"),
                        130,
                        entry -> entry.entityType() + (entry.entityId() == null ? "" : " " + entry.entityId())));
        table.getColumns().add(column(messages.get("admin.audit.details"), 300, AuditView::details));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button newer = AdminStyles.button("audit-newer", messages.get("admin.audit.newer"), model::newer);
        newer.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(1).or(model.workingProperty()));
        Button older = AdminStyles.button("audit-older", messages.get("admin.audit.older"), model::older);
        older.disableProperty().bind(model.hasOlderProperty().not().or(model.workingProperty()));
        Label page = new Label();
        page.setId("audit-page");
        page.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.pageProperty().get() == 0
                                ? ""
                                : messages.get(
                                        "admin.audit.page", model.pageProperty().get()),
                        model.pageProperty()));

        VBox body = new VBox(
                8,
                filters,
                AdminStyles.error("audit-error", errors.form()),
                table,
                AdminStyles.actions(newer, page, older));
        getChildren().add(AdminStyles.page(messages.get("admin.audit.title"), messages.get("admin.audit.hint"), body));
        model.search();
    }

    private static VBox filter(
            String id,
            String label,
            javafx.beans.property.StringProperty value,
            String prompt,
            javafx.beans.value.ObservableStringValue error) {
        TextField field = AdminStyles.text(value, prompt);
        field.setId(id);
        field.setPrefColumnCount(11);
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(field);
        return new VBox(2, caption, field, AdminStyles.error(id + "-error", error));
    }

    private static TableColumn<AuditEntry, String> column(
            String title, double width, Function<AuditEntry, String> text) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title.replace("_", ""));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private static String who(AuditEntry entry) {
        AuditEntry.Actor actor = entry.actor();
        if (actor == null) {
            return "";
        }
        String person = actor.username() == null ? "" : actor.username();
        String terminal = actor.terminalName() == null ? "" : actor.terminalName();
        return person.isEmpty() ? terminal : terminal.isEmpty() ? person : person + " @ " + terminal;
    }

    private static String details(AuditEntry entry) {
        Map<String, Object> details = entry.details() == null ? Map.of() : new TreeMap<>(entry.details());
        return details.entrySet().stream()
                .map(item -> item.getKey() + "=" + item.getValue())
                .collect(Collectors.joining(", "));
    }
}
