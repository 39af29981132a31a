package org.marquee.kiosk.adminholds;

import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.TheaterChoice;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.LiveHold;

/**
 * The live holds as a table whose countdowns move every second and which is read again on its own, a theater filter,
 * and the force release's question (a reason, required) over the table. Only binds to {@link HoldsViewModel}; the
 * second hand stops when the screen is closed or leaves the window.
 */
public final class HoldsView extends StackPane implements AutoCloseable {

    /** The overlay and the countdown's look, beside admin.css. */
    static final String STYLESHEET = "/org/marquee/kiosk/css/admin-day.css";

    private final Timeline ticker;

    public HoldsView(HoldsViewModel model, Messages messages) {
        ComboBox<TheaterChoice> theater = new ComboBox<>(model.theaters());
        theater.setId("holds-theater");
        theater.valueProperty().bindBidirectional(model.theaterProperty());
        Label theaterLabel = new Label(messages.get("admin.holds.theater"));
        theaterLabel.setMnemonicParsing(true);
        theaterLabel.setLabelFor(theater);
        Button refresh = AdminStyles.button("holds-refresh", messages.get("admin.holds.refresh"), model::refresh);
        Label updated = new Label();
        updated.setId("holds-updated");
        updated.getStyleClass().add("hint");
        updated.textProperty().bind(model.updatedProperty());
        HBox filters = new HBox(8, theaterLabel, theater, refresh, updated);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("admin-filters");

        TableView<LiveHold> table = new TableView<>(model.holds());
        table.setId("holds-table");
        table.setPlaceholder(new Label(messages.get("admin.holds.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .add(column(
                        messages.get("admin.holds.terminal"),
                        160,
                        hold -> constant(HoldsViewModel.terminalName(hold))));
        table.getColumns().add(column(messages.get("admin.holds.movie"), 200, hold -> constant(hold.movieTitle())));
        table.getColumns()
                .add(column(messages.get("admin.holds.starts"), 90, hold -> constant(model.timeOf(hold.startsAt()))));
        table.getColumns()
                .add(column(
                        messages.get("admin.holds.seats"), 160, hold -> constant(String.join(", ", hold.seatIds()))));
        table.getColumns()
                .add(column(
                        messages.get("admin.holds.heldSince"),
                        150,
                        hold -> Bindings.createStringBinding(() -> model.heldFor(hold), model.nowProperty())));
        TableColumn<LiveHold, String> left = column(
                messages.get("admin.holds.expiresIn"),
                110,
                hold -> Bindings.createStringBinding(() -> model.expiresIn(hold), model.nowProperty()));
        left.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                LiveHold hold =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("soon"), hold != null && model.expiringSoon(hold));
            }
        });
        left.getStyleClass().add("countdown");
        table.getColumns().add(left);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button release = AdminStyles.primary(
                "holds-release",
                messages.get("admin.holds.release"),
                () -> model.askRelease(table.getSelectionModel().getSelectedItem()));
        release.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                model.askRelease(table.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });

        VBox body = new VBox(
                8,
                filters,
                AdminStyles.error("holds-error", model.errorProperty()),
                AdminStyles.notice("holds-notice", model.noticeProperty()),
                table,
                AdminStyles.actions(release));
        getChildren().add(AdminStyles.page(messages.get("admin.holds.title"), messages.get("admin.holds.hint"), body));
        getChildren().add(releaseDialog(model, messages));
        getStylesheets().add(HoldsView.class.getResource(STYLESHEET).toExternalForm());

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, before, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
        model.load();
    }

    /** The question over the table: which seats, of whom, and why (required); Escape keeps the hold. */
    private static StackPane releaseDialog(HoldsViewModel model, Messages messages) {
        Label question = new Label();
        question.setId("release-question");
        question.getStyleClass().add("card-title");
        question.setWrapText(true);
        question.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            LiveHold hold = model.releasingProperty().get();
                            return hold == null
                                    ? ""
                                    : messages.get(
                                            "admin.holds.question",
                                            String.join(", ", hold.seatIds()),
                                            hold.movieTitle(),
                                            HoldsViewModel.terminalName(hold));
                        },
                        model.releasingProperty()));
        Label explain = new Label(messages.get("admin.holds.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        TextField reason = AdminStyles.text(model.reasonProperty(), messages.get("admin.holds.reasonPrompt"));
        reason.setId("release-reason");
        Label reasonLabel = new Label(messages.get("admin.holds.reason"));
        reasonLabel.setMnemonicParsing(true);
        reasonLabel.setLabelFor(reason);
        Button confirm =
                AdminStyles.primary("release-confirm", messages.get("admin.holds.confirm"), model::confirmRelease);
        confirm.disableProperty().bind(model.sendingProperty());
        Button keep = AdminStyles.button("release-cancel", messages.get("admin.holds.keep"), model::cancelRelease);
        VBox card = AdminStyles.card(
                "release-dialog",
                question,
                explain,
                reasonLabel,
                reason,
                AdminStyles.error("release-reason-error", model.releaseErrors().at("reason")),
                AdminStyles.error("release-error", model.releaseErrors().form()),
                AdminStyles.actions(confirm, keep));
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("release-overlay");
        overlay.getStyleClass().add("admin-overlay");
        overlay.visibleProperty().bind(model.releasingProperty().isNotNull());
        overlay.managedProperty().bind(overlay.visibleProperty());
        // Enter releases and Escape keeps the hold only while the question is shown
        confirm.defaultButtonProperty().bind(overlay.visibleProperty());
        keep.cancelButtonProperty().bind(overlay.visibleProperty());
        overlay.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                reason.requestFocus();
            }
        });
        return overlay;
    }

    private static ObservableValue<String> constant(String text) {
        return new javafx.beans.property.ReadOnlyStringWrapper(text == null ? "" : text);
    }

    private static TableColumn<LiveHold, String> column(
            String title, double width, Function<LiveHold, ObservableValue<String>> value) {
        TableColumn<LiveHold, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    @Override
    public void close() {
        ticker.stop();
    }
}
