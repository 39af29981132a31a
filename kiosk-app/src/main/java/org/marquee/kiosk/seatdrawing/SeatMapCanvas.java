package org.marquee.kiosk.seatdrawing;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatView;

/**
 * All seats of a showtime on one {@link Canvas}: one full draw when the layout, the size or the palette changes, and
 * afterwards only the seats whose state changed, so a 2,000-seat hall stays smooth. Cells grow to fit the space
 * between {@link #minCellProperty()} and {@link #maxCellProperty()}; below the minimum the region asks for more room
 * (put it in a ScrollPane). Taps on a seat go to {@link #setOnSeat}.
 */
public final class SeatMapCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<SeatPalette> palette = new SimpleObjectProperty<>(SeatPalette.regular());
    private final DoubleProperty minCell = new SimpleDoubleProperty(12);
    private final DoubleProperty maxCell = new SimpleDoubleProperty(44);
    private SeatGeometry geometry;
    private List<SeatView> seats = List.of();
    private SeatState[] drawn = new SeatState[0];
    private boolean[] ringed = new boolean[0];
    private Set<String> mine = Set.of();
    private Set<String> justTaken = Set.of();
    private Consumer<String> onSeat = seatId -> {};
    private String screenText = "SCREEN";
    private int fullDraws;
    private int seatDraws;

    public SeatMapCanvas() {
        getStyleClass().add("seat-map-canvas");
        getChildren().add(canvas);
        palette.addListener((obs, was, now) -> drawAll());
        minCell.addListener((obs, was, now) -> requestLayout());
        maxCell.addListener((obs, was, now) -> requestLayout());
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
    }

    /** Shows {@code map}'s seats; only the seats whose state changed are redrawn when the layout is the same. */
    public void setSeats(SeatMap map) {
        List<SeatView> next = map == null ? List.of() : map.seats();
        if (geometry == null || !geometry.sameLayout(next)) {
            seats = next;
            geometry = next.isEmpty() ? null : new SeatGeometry(next);
            drawn = new SeatState[next.size()];
            ringed = new boolean[next.size()];
            requestLayout();
            fit();
            drawAll();
        } else {
            seats = next;
            drawChanged();
        }
    }

    /** The seats this terminal has chosen, drawn as "mine" over whatever the server says. */
    public void setMine(Set<String> seatIds) {
        mine = Set.copyOf(seatIds);
        drawChanged();
    }

    /** Seats someone else has just taken: drawn with a ring until they leave the set. */
    public void setJustTaken(Set<String> seatIds) {
        justTaken = Set.copyOf(seatIds);
        drawChanged();
    }

    /** True while {@code seatId} is drawn with the "just taken" ring. */
    public boolean drawnJustTaken(String seatId) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).id().equals(seatId)) {
                return ringed[i];
            }
        }
        return false;
    }

    public void setOnSeat(Consumer<String> handler) {
        onSeat = handler == null ? seatId -> {} : handler;
    }

    /** The word written on the screen bar, in the terminal's language. */
    public void setScreenText(String text) {
        screenText = text;
        drawAll();
    }

    public ObjectProperty<SeatPalette> paletteProperty() {
        return palette;
    }

    /** Smallest cell in pixels; a kiosk sets it to a finger's width. */
    public DoubleProperty minCellProperty() {
        return minCell;
    }

    public DoubleProperty maxCellProperty() {
        return maxCell;
    }

    /** The side of one seat's cell as drawn now, in pixels; 0 before there are seats. */
    public double cellSize() {
        return geometry == null ? 0 : geometry.cell();
    }

    /** The centre of a seat in this region's coordinates, or null for an unknown seat. */
    public Point2D seatCenter(String seatId) {
        for (SeatView seat : seats) {
            if (seat.id().equals(seatId)) {
                double half = geometry.cell() / 2;
                return new Point2D(geometry.cellX(seat) + half, geometry.cellY(seat) + half);
            }
        }
        return null;
    }

    /** The state a seat is drawn in now, for tests and accessibility; null for an unknown seat. */
    public SeatState drawnState(String seatId) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).id().equals(seatId)) {
                return drawn[i];
            }
        }
        return null;
    }

    /** How many full draws and single-seat draws happened: the benchmark and tests read them. */
    public int fullDraws() {
        return fullDraws;
    }

    public int seatDraws() {
        return seatDraws;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            fit();
            drawAll();
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return geometry == null ? 0 : Math.ceil(geometry.widthFor(minCell.get()));
    }

    @Override
    protected double computeMinHeight(double width) {
        return geometry == null ? 0 : Math.ceil(geometry.heightFor(minCell.get()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return geometry == null ? 400 : Math.ceil(geometry.widthFor(Math.max(minCell.get(), 28)));
    }

    @Override
    protected double computePrefHeight(double width) {
        return geometry == null ? 300 : Math.ceil(geometry.heightFor(Math.max(minCell.get(), 28)));
    }

    private void fit() {
        if (geometry != null) {
            geometry.fit(canvas.getWidth(), canvas.getHeight(), Math.max(minCell.get(), maxCell.get()));
        }
    }

    /** Draws everything: background, screen, row labels and every seat. */
    private void drawAll() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        SeatPalette colours = palette.get();
        g.setFill(colours.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (geometry == null || canvas.getWidth() == 0) {
            return;
        }
        fullDraws++;
        drawScreen(g, colours);
        drawRowLabels(g, colours);
        for (int i = 0; i < seats.size(); i++) {
            SeatView seat = seats.get(i);
            drawn[i] = SeatState.of(seat.status(), mine.contains(seat.id()));
            ringed[i] = justTaken.contains(seat.id());
            paintSeat(g, seat, drawn[i], ringed[i]);
        }
    }

    /** Redraws only the seats whose state differs from what is on the canvas. */
    private void drawChanged() {
        if (geometry == null || canvas.getWidth() == 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int i = 0; i < seats.size(); i++) {
            SeatView seat = seats.get(i);
            SeatState state = SeatState.of(seat.status(), mine.contains(seat.id()));
            boolean ring = justTaken.contains(seat.id());
            if (state != drawn[i] || ring != ringed[i]) {
                drawn[i] = state;
                ringed[i] = ring;
                seatDraws++;
                paintSeat(g, seat, state, ring);
            }
        }
    }

    private void paintSeat(GraphicsContext g, SeatView seat, SeatState state, boolean ring) {
        double x = geometry.cellX(seat);
        double y = geometry.cellY(seat);
        double cell = geometry.cell();
        SeatPainter.paint(g, x, y, cell, seat.type(), state, seat.number(), palette.get());
        if (ring) {
            SeatPainter.paintJustTaken(g, x, y, cell, palette.get());
        }
    }

    private void drawScreen(GraphicsContext g, SeatPalette colours) {
        double cell = geometry.cell();
        double width = geometry.columns() * cell;
        double height = Math.max(12, cell * 0.55);
        double top = geometry.originY() - SeatGeometry.SCREEN_CELLS * cell + Math.max(2, cell * 0.2);
        double inset = width * 0.04;
        double left = geometry.originX();
        g.setFill(colours.screen());
        g.fillPolygon(
                new double[] {left, left + width, left + width - inset, left + inset},
                new double[] {top, top, top + height, top + height},
                4);
        g.setFill(colours.screenLabel());
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(9, Math.min(height * 0.7, 20))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(screenText, left + width / 2, top + height / 2);
    }

    private void drawRowLabels(GraphicsContext g, SeatPalette colours) {
        double cell = geometry.cell();
        double gutter = SeatGeometry.LABEL_CELLS * cell;
        g.setFill(colours.label());
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.5, 24))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double right = geometry.originX() + geometry.columns() * cell;
        for (int y = 0; y < geometry.rows(); y++) {
            String label = geometry.rowLabel(y);
            if (label != null) {
                double middle = geometry.originY() + y * cell + cell / 2;
                g.fillText(label, geometry.originX() - gutter / 2, middle);
                g.fillText(label, right + gutter / 2, middle);
            }
        }
    }

    private void onClick(MouseEvent event) {
        if (geometry == null || !event.isStillSincePress()) {
            return; // a drag that panned the map is not a tap
        }
        int index = geometry.seatAt(event.getX(), event.getY());
        if (index >= 0) {
            onSeat.accept(seats.get(index).id());
            event.consume();
        }
    }
}
