package org.marquee.kiosk.layouteditor;

import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.marquee.kiosk.seatdrawing.SeatPainter;
import org.marquee.kiosk.seatdrawing.SeatPalette;
import org.marquee.kiosk.seatdrawing.SeatState;

/**
 * The painting surface: every cell of the draft, seats drawn by the seat map's own painter, gaps as faint squares,
 * row labels on the left (the row the parser refuses in red), the keyboard cursor and the seats that block a save
 * ringed. A press paints a cell, a drag paints every cell it crosses; both go to the view-model.
 */
final class LayoutGrid extends Region {

    private static final double LABEL_CELLS = 1.6;
    private static final double MAX_CELL = 40;
    private static final Color ERROR = Color.web("#c92a2a");
    private static final Color CURSOR = Color.web("#e8590c");

    private final Canvas canvas = new Canvas();
    private final LayoutEditorViewModel model;
    private final ObjectProperty<SeatPalette> palette = new SimpleObjectProperty<>(SeatPalette.regular());
    private double cell;
    private double originX;
    private double originY;

    LayoutGrid(LayoutEditorViewModel model) {
        this.model = model;
        setId("layout-grid");
        getStyleClass().add("layout-grid");
        getChildren().add(canvas);
        setFocusTraversable(true);
        model.draftProperty().addListener((obs, was, now) -> redraw());
        model.cursorRowProperty().addListener((obs, was, now) -> draw());
        model.cursorColumnProperty().addListener((obs, was, now) -> draw());
        model.errorRowProperty().addListener((obs, was, now) -> draw());
        model.blockingCellsProperty().addListener((obs, was, now) -> draw());
        palette.addListener((obs, was, now) -> draw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> model.release());
    }

    ObjectProperty<SeatPalette> paletteProperty() {
        return palette;
    }

    /** The centre of a cell in this region's coordinates: for tests that click and drag. */
    javafx.geometry.Point2D cellCenter(int row, int column) {
        return new javafx.geometry.Point2D(originX + (column + 0.5) * cell, originY + (row + 0.5) * cell);
    }

    private void pressed(MouseEvent event) {
        requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int[] at = cellAt(event.getX(), event.getY());
        if (at != null) {
            model.press(at[0], at[1]);
            event.consume();
        }
    }

    private void dragged(MouseEvent event) {
        int[] at = cellAt(event.getX(), event.getY());
        if (at != null) {
            model.dragTo(at[0], at[1]);
            event.consume();
        }
    }

    private int[] cellAt(double x, double y) {
        if (cell <= 0) {
            return null;
        }
        int column = (int) Math.floor((x - originX) / cell);
        int row = (int) Math.floor((y - originY) / cell);
        return model.draftProperty().get().contains(row, column) ? new int[] {row, column} : null;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return (model.draftProperty().get().columnCount() + LABEL_CELLS) * 30;
    }

    @Override
    protected double computePrefHeight(double width) {
        return model.draftProperty().get().rowCount() * 30;
    }

    @Override
    protected double computeMinWidth(double height) {
        return (model.draftProperty().get().columnCount() + LABEL_CELLS) * 12;
    }

    @Override
    protected double computeMinHeight(double width) {
        return model.draftProperty().get().rowCount() * 12;
    }

    private void redraw() {
        LayoutDraft draft = model.draftProperty().get();
        double across = draft.columnCount() + LABEL_CELLS;
        double down = Math.max(1, draft.rowCount());
        cell = Math.max(1, Math.min(MAX_CELL, Math.min(canvas.getWidth() / across, canvas.getHeight() / down)));
        originX = Math.floor((canvas.getWidth() - across * cell) / 2 + LABEL_CELLS * cell);
        originY = Math.floor((canvas.getHeight() - down * cell) / 2);
        requestLayout();
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        SeatPalette colours = palette.get();
        g.setFill(colours.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() == 0 || cell <= 0) {
            return;
        }
        LayoutDraft draft = model.draftProperty().get();
        int errorRow = model.errorRowProperty().get();
        if (errorRow >= 0 && errorRow < draft.rowCount()) {
            g.setFill(ERROR.deriveColor(0, 1, 1, 0.14));
            g.fillRect(
                    originX - LABEL_CELLS * cell,
                    originY + errorRow * cell,
                    (draft.columnCount() + LABEL_CELLS) * cell,
                    cell);
        }
        Font labelFont = Font.font("System", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.5, 20)));
        for (int y = 0; y < draft.rowCount(); y++) {
            String label = draft.labels().get(y);
            // the seat painter sets its own font for seat numbers: set the label's again on every row
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(y == errorRow ? ERROR : colours.label());
            g.fillText(
                    y == errorRow ? "! " + label : label,
                    originX - LABEL_CELLS * cell / 2,
                    originY + y * cell + cell / 2);
            int number = 0;
            for (int x = 0; x < draft.columnCount(); x++) {
                CellKind kind = CellKind.of(draft.cell(y, x));
                double left = originX + x * cell;
                double top = originY + y * cell;
                if (kind == null) {
                    unknown(g, left, top, draft.cell(y, x));
                } else if (kind == CellKind.GAP) {
                    gap(g, left, top, colours);
                } else {
                    number++;
                    SeatState state = kind == CellKind.OUT_OF_SERVICE ? SeatState.BLOCKED : SeatState.AVAILABLE;
                    SeatPainter.paintSeat(g, left, top, cell, kind.seatType(), state, number, colours);
                }
            }
        }
        Set<LayoutEditorViewModel.Cell> blocking = model.blockingCellsProperty().get();
        g.setStroke(ERROR);
        g.setLineWidth(Math.max(2, cell * 0.1));
        for (LayoutEditorViewModel.Cell c : blocking) {
            g.strokeOval(originX + c.column() * cell + 1, originY + c.row() * cell + 1, cell - 2, cell - 2);
        }
        g.setStroke(CURSOR);
        g.setLineWidth(Math.max(2, cell * 0.08));
        g.strokeRect(
                originX + model.cursorColumnProperty().get() * cell + 1,
                originY + model.cursorRowProperty().get() * cell + 1,
                cell - 2,
                cell - 2);
    }

    private void gap(GraphicsContext g, double left, double top, SeatPalette colours) {
        double pad = Math.max(2, cell * 0.3);
        g.setStroke(colours.label().deriveColor(0, 1, 1, 0.25));
        g.setLineWidth(1);
        g.strokeRect(left + pad, top + pad, cell - 2 * pad, cell - 2 * pad);
    }

    private void unknown(GraphicsContext g, double left, double top, char letter) {
        g.setFill(ERROR);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.valueOf(letter), left + cell / 2, top + cell / 2);
    }
}
