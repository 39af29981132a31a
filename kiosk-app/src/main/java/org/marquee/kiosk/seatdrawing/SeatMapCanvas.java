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
 * afterwards only the seats whose state changed, so a 2,000-seat hall stays smooth. The hall is zoomed to fit the
 * space, between {@link #minCellProperty()} (a finger's width at a kiosk) and {@link #maxCellProperty()}; where it is
 * larger than the space it pans ({@link #panBy}, {@link #zoomBy}, gestures from {@link SeatGestures}) and the row
 * letters stay pinned to both edges. No scroll bars. Taps on a seat go to {@link #setOnSeat}.
 */
public final class SeatMapCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<SeatPalette> palette = new SimpleObjectProperty<>(SeatPalette.regular());
    private final DoubleProperty minCell = new SimpleDoubleProperty(12);
    private final DoubleProperty maxCell = new SimpleDoubleProperty(44);
    private final SeatViewport viewport = new SeatViewport();
    private SeatGeometry geometry;
    private Runnable onViewMoved = () -> {};
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
        SeatGestures.install(this);
    }

    /** Shows {@code map}'s seats; only the seats whose state changed are redrawn when the layout is the same. */
    public void setSeats(SeatMap map) {
        List<SeatView> next = map == null ? List.of() : map.seats();
        if (geometry == null || !geometry.sameLayout(next)) {
            seats = next;
            geometry = next.isEmpty() ? null : new SeatGeometry(next);
            drawn = new SeatState[next.size()];
            ringed = new boolean[next.size()];
            viewport.reset();
            requestLayout();
            fit();
            drawAll();
            onViewMoved.run();
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

    /** Zooms by {@code factor} around the point ({@code x}, {@code y}) of this region; true if the cell changed. */
    public boolean zoomBy(double factor, double x, double y) {
        return geometry != null && viewport.zoomBy(factor, x, y) && moved();
    }

    /** Moves the hall by ({@code dx}, {@code dy}) pixels where it is larger than the space; true if it moved. */
    public boolean panBy(double dx, double dy) {
        return geometry != null && viewport.panBy(dx, dy) && moved();
    }

    /** Pans the least needed to show {@code seatId} whole, clear of the pinned row letters (the keyboard's ring). */
    public void reveal(String seatId) {
        for (SeatView seat : seats) {
            if (seat.id().equals(seatId)) {
                double gutter = viewport.pansAcross() ? SeatGeometry.LABEL_CELLS * geometry.cell() : 0;
                if (viewport.reveal(
                        SeatGeometry.LABEL_CELLS + seat.x(), SeatGeometry.SCREEN_CELLS + seat.y(), gutter, 0)) {
                    moved();
                }
                return;
            }
        }
    }

    /** True when every seat is in view; false while the hall is zoomed in or larger than the space and pans. */
    public boolean showsWholeHall() {
        return geometry == null || viewport.showsWholeHall();
    }

    /** Called after every pan, zoom or refit (the keyboard's ring follows its seat). */
    public void setOnViewMoved(Runnable action) {
        onViewMoved = action == null ? () -> {} : action;
    }

    /** The hall's height, screen band included, when it is zoomed to fit {@code width}: a portrait screen's map. */
    public double heightToFit(double width) {
        if (geometry == null) {
            return computePrefHeight(width);
        }
        double cell = Math.clamp(width / geometry.across(), Math.min(minCell.get(), maxCell.get()), maxCell.get());
        return Math.ceil(geometry.down() * cell);
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
            onViewMoved.run();
        }
    }

    /** Any space will do: a hall larger than it pans. */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
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
            viewport.fit(
                    canvas.getWidth(),
                    canvas.getHeight(),
                    geometry.across(),
                    geometry.down(),
                    minCell.get(),
                    maxCell.get());
            geometry.place(viewport.cell(), viewport.left(), viewport.top());
        }
    }

    private boolean moved() {
        geometry.place(viewport.cell(), viewport.left(), viewport.top());
        drawAll();
        onViewMoved.run();
        return true;
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
        clipToSeats(g);
        for (int i = 0; i < seats.size(); i++) {
            SeatView seat = seats.get(i);
            drawn[i] = SeatState.of(seat.status(), mine.contains(seat.id()));
            ringed[i] = justTaken.contains(seat.id());
            paintSeat(g, seat, drawn[i], ringed[i]);
        }
        g.restore();
        drawRowLabels(g, colours);
    }

    /** While the hall pans across, seats stay out of the gutters where the row letters are pinned. */
    private void clipToSeats(GraphicsContext g) {
        g.save();
        if (viewport.pansAcross()) {
            double gutter = SeatGeometry.LABEL_CELLS * geometry.cell();
            g.beginPath();
            g.rect(gutter, 0, canvas.getWidth() - 2 * gutter, canvas.getHeight());
            g.closePath();
            g.clip();
        }
    }

    /** Redraws only the seats whose state differs from what is on the canvas. */
    private void drawChanged() {
        if (geometry == null || canvas.getWidth() == 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        clipToSeats(g);
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
        g.restore();
    }

    private void paintSeat(GraphicsContext g, SeatView seat, SeatState state, boolean ring) {
        double x = geometry.cellX(seat);
        double y = geometry.cellY(seat);
        double cell = geometry.cell();
        if (x + cell < 0 || y + cell < 0 || x > canvas.getWidth() || y > canvas.getHeight()) {
            return; // out of view: drawn when a pan brings it in
        }
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

    /** Row letters beside the seats, or pinned to both edges (on a band of background) while the hall pans across. */
    private void drawRowLabels(GraphicsContext g, SeatPalette colours) {
        double cell = geometry.cell();
        double gutter = SeatGeometry.LABEL_CELLS * cell;
        double right = geometry.originX() + geometry.columns() * cell;
        double leftX = Math.max(gutter / 2, geometry.originX() - gutter / 2);
        double rightX = Math.min(canvas.getWidth() - gutter / 2, right + gutter / 2);
        if (viewport.pansAcross()) {
            g.setFill(colours.background());
            g.fillRect(0, 0, gutter, canvas.getHeight());
            g.fillRect(canvas.getWidth() - gutter, 0, gutter, canvas.getHeight());
        }
        g.setFill(colours.label());
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.5, 24))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int y = 0; y < geometry.rows(); y++) {
            String label = geometry.rowLabel(y);
            double middle = geometry.originY() + y * cell + cell / 2;
            if (label != null && middle > -cell && middle < canvas.getHeight() + cell) {
                g.fillText(label, leftX, middle);
                g.fillText(label, rightX, middle);
            }
        }
    }

    private void onClick(MouseEvent event) {
        if (geometry == null || !event.isStillSincePress()) {
            return; // a drag that panned the map is not a tap
        }
        double gutter = viewport.pansAcross() ? SeatGeometry.LABEL_CELLS * geometry.cell() : 0;
        if (event.getX() < gutter || event.getX() > canvas.getWidth() - gutter) {
            return; // on a pinned row letter, not on the seat under it
        }
        int index = geometry.seatAt(event.getX(), event.getY());
        if (index >= 0) {
            onSeat.accept(seats.get(index).id());
            event.consume();
        }
    }
}
