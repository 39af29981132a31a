package org.marquee.kiosk.layouteditor;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.seatdrawing.SeatLegend;
import org.marquee.kiosk.seatdrawing.SeatMapCanvas;
import org.marquee.kiosk.seatdrawing.SeatPainter;
import org.marquee.kiosk.seatdrawing.SeatPalette;
import org.marquee.kiosk.seatdrawing.SeatState;
import org.marquee.model.AuditoriumInfo;

/**
 * The seat-layout editor: the auditorium and its name on top, the paint tools and the row and column commands, the
 * painting grid beside (or, on a portrait screen, above) the preview that the seat map's own canvas draws, and the
 * parser's message, the save outcome and the seats that block a save below. Keys on the grid: arrows move, S P W C X
 * and G (or space) paint, Ctrl+Z undoes.
 */
public final class LayoutEditorView extends BorderPane {

    static final String STYLESHEET = "/org/marquee/kiosk/css/admin-editors.css";

    private final LayoutEditorViewModel model;
    private final Messages messages;
    private final LayoutGrid grid;
    private final SeatMapCanvas preview = new SeatMapCanvas();
    private final SeatLegend legend;
    private Pane work;

    public LayoutEditorView(LayoutEditorViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.grid = new LayoutGrid(model);
        this.legend = new SeatLegend(messages, preview.paletteProperty(), 20);
        setId("screen-layout-editor");
        getStyleClass().addAll("screen", "admin-editor", "layout-editor");
        getStylesheets().add(LayoutEditorView.class.getResource(STYLESHEET).toExternalForm());

        Label title = new Label(messages.get("layout.title"));
        title.getStyleClass().add("screen-title");
        setTop(new VBox(title, auditoriumBar(), toolBar(), rowBar()));

        preview.setId("layout-preview");
        preview.setScreenText(messages.get("seatmap.screen"));
        preview.maxCellProperty().set(36);
        preview.minCellProperty().set(6);
        preview.paletteProperty().bind(grid.paletteProperty());
        model.previewProperty().addListener((obs, was, now) -> preview.setSeats(now));
        preview.setSeats(model.previewProperty().get());
        grid.setOnKeyPressed(this::key);

        widthProperty().addListener((obs, was, now) -> arrange());
        heightProperty().addListener((obs, was, now) -> arrange());
        arrange();
        setBottom(messagesBox());
    }

    /** The colours the grid and the preview draw with: the terminal's regular or high-contrast palette. */
    public ObjectProperty<SeatPalette> paletteProperty() {
        return grid.paletteProperty();
    }

    /** The preview, as a terminal draws the layout: for tests. */
    public SeatMapCanvas preview() {
        return preview;
    }

    /** The centre of a grid cell on the screen: for tests that click and drag. */
    public javafx.geometry.Point2D cellOnScreen(int row, int column) {
        return grid.localToScreen(grid.cellCenter(row, column));
    }

    private Node auditoriumBar() {
        ComboBox<AuditoriumInfo> choice = new ComboBox<>();
        choice.setId("layout-auditorium");
        choice.setPromptText(messages.get("layout.choose"));
        choice.setCellFactory(list -> new NameCell());
        choice.setButtonCell(new NameCell());
        model.auditoriumsProperty()
                .addListener((obs, was, now) -> choice.getItems().setAll(now));
        model.editingProperty()
                .addListener((obs, was, now) -> choice.getSelectionModel().select(now));
        choice.setOnAction(event -> {
            AuditoriumInfo picked = choice.getValue();
            if (picked != null && !picked.equals(model.editingProperty().get())) {
                model.open(picked);
            }
        });
        Button fresh = new Button(messages.get("layout.new"));
        fresh.setId("layout-new");
        fresh.setOnAction(event -> model.startNew());
        Label nameCaption = new Label(messages.get("layout.name"));
        TextField name = new TextField();
        name.setId("layout-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        Button save = new Button(messages.get("layout.save"));
        save.setId("layout-save");
        save.getStyleClass().add("primary");
        save.disableProperty()
                .bind(model.savingProperty().or(model.previewProperty().isNull()));
        save.setOnAction(event -> model.save());
        HBox bar = new HBox(choice, fresh, nameCaption, name, save);
        bar.getStyleClass().add("admin-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node toolBar() {
        ToggleGroup group = new ToggleGroup();
        FlowPane tools = new FlowPane();
        tools.getStyleClass().add("admin-bar");
        for (CellKind kind : CellKind.values()) {
            ToggleButton button = new ToggleButton(
                    messages.get("layout.tool." + kind.name().toLowerCase(java.util.Locale.ROOT), kindKey(kind)));
            button.setId(
                    "tool-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setToggleGroup(group);
            button.setGraphic(swatch(kind));
            button.setUserData(kind);
            button.setSelected(model.toolProperty().get() == kind);
            button.setOnAction(event -> {
                model.toolProperty().set(kind);
                button.setSelected(true);
                grid.requestFocus();
            });
            tools.getChildren().add(button);
        }
        model.toolProperty()
                .addListener((obs, was, now) -> group.getToggles().stream()
                        .filter(toggle -> toggle.getUserData() == now)
                        .findFirst()
                        .ifPresent(toggle -> toggle.setSelected(true)));
        Button undo = new Button(messages.get("layout.undo"));
        undo.setId("layout-undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(event -> model.undo());
        tools.getChildren().addAll(new Separator(Orientation.VERTICAL), undo);
        return tools;
    }

    private static String kindKey(CellKind kind) {
        return kind == CellKind.GAP ? "G" : String.valueOf(kind.letter());
    }

    private Node rowBar() {
        Button addRow = command("layout-add-row", "layout.addRow", model::addRow);
        Button removeRow = command("layout-remove-row", "layout.removeRow", model::removeRow);
        TextField label = new TextField();
        label.setId("layout-row-label");
        label.setPrefColumnCount(3);
        label.setPromptText(messages.get("layout.rowLabel"));
        Button rename = command("layout-rename-row", "layout.renameRow", () -> model.renameRow(label.getText()));
        label.setOnAction(event -> rename.fire());
        Button addColumn = command("layout-add-column", "layout.addColumn", model::addColumn);
        Button removeColumn = command("layout-remove-column", "layout.removeColumn", model::removeColumn);
        Label cursor = new Label();
        cursor.setId("layout-cursor");
        cursor.getStyleClass().add("hint");
        cursor.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            LayoutDraft draft = model.draftProperty().get();
                            int row = model.cursorRowProperty().get();
                            return row < draft.rowCount()
                                    ? messages.get(
                                            "layout.cursor",
                                            draft.labels().get(row),
                                            model.cursorColumnProperty().get() + 1)
                                    : "";
                        },
                        model.draftProperty(),
                        model.cursorRowProperty(),
                        model.cursorColumnProperty()));
        FlowPane bar = new FlowPane(
                addRow,
                removeRow,
                label,
                rename,
                new Separator(Orientation.VERTICAL),
                addColumn,
                removeColumn,
                new Separator(Orientation.VERTICAL),
                cursor);
        bar.getStyleClass().add("admin-bar");
        return bar;
    }

    private Button command(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(event -> {
            action.run();
            grid.requestFocus();
        });
        return button;
    }

    private Node messagesBox() {
        Label error = label("layout-error", "error");
        error.textProperty().bind(model.errorProperty());
        Label summary = label("layout-summary", "hint");
        summary.textProperty().bind(model.summaryProperty());
        Label status = label("layout-status", "layout-status");
        status.textProperty().bind(model.statusProperty());
        Label blocking = label("layout-blocking", "error");
        blocking.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            List<String> seats = model.blockingSeatsProperty().get();
                            return seats.isEmpty() ? "" : messages.get("layout.blocking", String.join(" ", seats));
                        },
                        model.blockingSeatsProperty()));
        VBox box = new VBox(error, summary, blocking, status);
        box.getStyleClass().add("admin-messages");
        return box;
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    /** Grid and preview side by side on a wide screen, one above the other on a tall one. */
    private void arrange() {
        boolean tall = getHeight() > getWidth() * 1.1;
        if (work != null && tall == work instanceof VBox) {
            return;
        }
        Pane next = tall ? new VBox() : new HBox();
        next.getStyleClass().add("layout-work");
        VBox gridBox = titled("layout.grid", grid);
        VBox previewBox = titled("layout.preview", preview, legend);
        next.getChildren().addAll(gridBox, previewBox);
        for (Node child : List.of(gridBox, previewBox)) {
            if (tall) {
                VBox.setVgrow(child, Priority.ALWAYS);
            } else {
                HBox.setHgrow(child, Priority.ALWAYS);
            }
        }
        work = next;
        setCenter(next);
    }

    private VBox titled(String key, Region body, Node... after) {
        Label caption = new Label(messages.get(key));
        caption.getStyleClass().add("section-title");
        VBox box = new VBox(caption, body);
        box.getChildren().addAll(after);
        box.getStyleClass().addAll("card", "layout-pane");
        VBox.setVgrow(body, Priority.ALWAYS);
        body.setMinSize(0, 0);
        box.setMinSize(0, 0);
        box.setPrefWidth(1);
        box.setPrefHeight(1);
        return box;
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        if (event.isShortcutDown() && code == KeyCode.Z) {
            model.undo();
        } else if (code == KeyCode.UP) {
            model.moveCursor(-1, 0);
        } else if (code == KeyCode.DOWN) {
            model.moveCursor(1, 0);
        } else if (code == KeyCode.LEFT) {
            model.moveCursor(0, -1);
        } else if (code == KeyCode.RIGHT) {
            model.moveCursor(0, 1);
        } else {
            CellKind kind = code == KeyCode.SPACE ? CellKind.GAP : CellKind.forKey(event.getText());
            if (kind == null || event.isShortcutDown() || event.isAltDown()) {
                return;
            }
            model.paintAtCursor(kind);
        }
        event.consume();
    }

    private Canvas swatch(CellKind kind) {
        double size = 20;
        Canvas canvas = new Canvas(size, size);
        Runnable paint = () -> {
            var g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, size, size);
            if (kind.isSeat()) {
                SeatState state = kind == CellKind.OUT_OF_SERVICE ? SeatState.BLOCKED : SeatState.AVAILABLE;
                SeatPainter.paintSeat(
                        g,
                        0,
                        0,
                        size,
                        kind.seatType(),
                        state,
                        0,
                        grid.paletteProperty().get());
            } else {
                g.setStroke(grid.paletteProperty().get().label());
                g.setLineDashes(3);
                g.strokeRect(4, 4, size - 8, size - 8);
            }
        };
        grid.paletteProperty().addListener((obs, was, now) -> paint.run());
        paint.run();
        return canvas;
    }

    private static final class NameCell extends ListCell<AuditoriumInfo> {
        @Override
        protected void updateItem(AuditoriumInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + " · " + item.seatCount());
        }
    }
}
