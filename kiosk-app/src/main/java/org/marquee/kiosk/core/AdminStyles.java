package org.marquee.kiosk.core;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The shared look of the admin screens (admin.css): a page with a title, a list beside a form, labelled fields with
 * their error right below them, and actions. Builds Nodes only; every screen binds its own view-model to them.
 */
public final class AdminStyles {

    public static final String STYLESHEET = stylesheet();

    private static final double LABEL_MIN_WIDTH = 120;
    private static final double LABEL_WIDTH = 170;
    private static final double FIELD_WIDTH = 220;

    private AdminStyles() {}

    private static String stylesheet() {
        var url = AdminStyles.class.getResource("/org/marquee/kiosk/css/admin.css");
        if (url == null) {
            throw new IllegalStateException("Missing stylesheet admin.css");
        }
        return url.toExternalForm();
    }

    /** A screen's root: title, a one-line hint, then {@code body}, which grows. */
    public static VBox page(String title, String hint, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        heading.setAccessibleRole(AccessibleRole.TEXT);
        Label subtitle = new Label(hint);
        subtitle.getStyleClass().add("hint");
        subtitle.setWrapText(true);
        VBox page = new VBox(heading, subtitle, body);
        page.getStyleClass().addAll("screen", "admin-page");
        page.getStylesheets().add(STYLESHEET);
        VBox.setVgrow(body, Priority.ALWAYS);
        return page;
    }

    /** A list (or table) on the left and the form on the right; the list takes what the form leaves. */
    public static HBox listAndForm(Node list, Node form) {
        HBox both = new HBox(list, form);
        both.getStyleClass().add("admin-split");
        HBox.setHgrow(list, Priority.ALWAYS);
        return both;
    }

    /** A card with a title for the form's fields. */
    public static VBox card(String id, Node... children) {
        VBox card = new VBox(children);
        card.setId(id);
        card.getStyleClass().addAll("card", "admin-card");
        return card;
    }

    /** Two columns: labels, then fields (and their errors) that grow. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("admin-form");
        // labels wrap rather than squeeze the fields: a long label takes two lines
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_MIN_WIDTH);
        labels.setMaxWidth(LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(FIELD_WIDTH);
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /**
     * Adds a labelled field and its error below it at the next free row of {@code grid}; the label's mnemonic
     * ({@code _Name}: Alt+N) focuses the field. Answers the error label.
     */
    public static Label field(GridPane grid, String id, String label, Control control, ObservableStringValue error) {
        int row = grid.getRowCount();
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(control);
        caption.getStyleClass().add("admin-label");
        caption.setWrapText(true);
        control.setId(id);
        control.setMaxWidth(Double.MAX_VALUE);
        Label problem = error(id + "-error", error);
        grid.add(caption, 0, row);
        grid.add(new VBox(2, control, problem), 1, row);
        return problem;
    }

    /** A text field bound both ways to {@code value}. */
    public static TextField text(Property<String> value, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** An error message that takes no room while empty. */
    public static Label error(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("error", "admin-error");
        label.setWrapText(true);
        label.setAccessibleRole(AccessibleRole.TEXT);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A notice (saved, revoked…) that takes no room while empty. */
    public static Label notice(String id, ObservableStringValue text) {
        Label label = error(id, text);
        label.getStyleClass().setAll("label", "admin-notice");
        return label;
    }

    /**
     * A list of {@code items}, each a line of {@code title} and a muted line of {@code detail}; a click or the arrow
     * keys choose one, which is handed to {@code chosen}.
     */
    public static <T> ListView<T> list(
            String id,
            ObservableList<T> items,
            Function<T, String> title,
            Function<T, String> detail,
            Consumer<T> chosen) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().add("admin-list");
        // a plain cell filled when its item changes (no subclass: the look stays in this class)
        list.setCellFactory(view -> {
            ListCell<T> cell = new ListCell<>();
            cell.itemProperty().addListener((obs, before, item) -> {
                if (item == null) {
                    cell.setGraphic(null);
                    cell.setAccessibleText(null);
                    return;
                }
                Label first = new Label(title.apply(item));
                first.getStyleClass().add("cell-title");
                Label second = new Label(detail.apply(item));
                second.getStyleClass().add("cell-detail");
                cell.setGraphic(new VBox(1, first, second));
                cell.setAccessibleText(first.getText() + ", " + second.getText());
            });
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, item) -> {
            if (item != null) {
                chosen.accept(item);
            }
        });
        list.setMinWidth(16 * 13);
        return list;
    }

    public static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(event -> action.run());
        return button;
    }

    public static Button primary(String id, String text, Runnable action) {
        Button button = button(id, text, action);
        button.getStyleClass().add("primary");
        return button;
    }

    /** A row of buttons, left aligned. */
    public static HBox actions(Node... buttons) {
        HBox row = new HBox(buttons);
        row.getStyleClass().add("admin-actions");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
