package org.marquee.kiosk.seatdrawing;

import java.util.Arrays;
import java.util.List;
import org.marquee.model.SeatView;

/**
 * Where each seat of a layout goes on a surface of a given size: square cells as large as fit (up to a cap), centred,
 * with a gutter for row labels on both sides and a band for the screen on top. Finds the seat under a point, too.
 */
final class SeatGeometry {

    /** Width of each row-label gutter, in cells. */
    static final double LABEL_CELLS = 1.3;
    /** Height of the screen band above the first row, in cells. */
    static final double SCREEN_CELLS = 1.6;

    private final List<SeatView> seats;
    private final int columns;
    private final int rows;
    private final int[] seatAt;
    private final String[] rowLabels;
    private double cell;
    private double originX;
    private double originY;

    SeatGeometry(List<SeatView> seats) {
        this.seats = List.copyOf(seats);
        this.columns = seats.stream().mapToInt(SeatView::x).max().orElse(-1) + 1;
        this.rows = seats.stream().mapToInt(SeatView::y).max().orElse(-1) + 1;
        this.seatAt = new int[columns * rows];
        Arrays.fill(seatAt, -1);
        this.rowLabels = new String[rows];
        for (int i = 0; i < seats.size(); i++) {
            SeatView seat = seats.get(i);
            seatAt[seat.y() * columns + seat.x()] = i;
            rowLabels[seat.y()] = seat.row();
        }
    }

    /** Puts the hall's top left corner (gutter and screen band included) at ({@code left}, {@code top}). */
    void place(double size, double left, double top) {
        cell = size;
        originX = Math.floor(left + LABEL_CELLS * cell);
        originY = Math.floor(top + SCREEN_CELLS * cell);
    }

    /** The hall's width in cells, the row-label gutters included. */
    double across() {
        return columns + 2 * LABEL_CELLS;
    }

    /** The hall's height in cells, the screen band included. */
    double down() {
        return rows + SCREEN_CELLS;
    }

    /** Width needed for cells of {@code size}. */
    double widthFor(double size) {
        return (columns + 2 * LABEL_CELLS) * size;
    }

    double heightFor(double size) {
        return (rows + SCREEN_CELLS) * size;
    }

    /** Index in {@link #seats()} of the seat under the point, or -1 for an aisle, a label or outside. */
    int seatAt(double x, double y) {
        int column = (int) Math.floor((x - originX) / cell);
        int row = (int) Math.floor((y - originY) / cell);
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return -1;
        }
        return seatAt[row * columns + column];
    }

    double cellX(SeatView seat) {
        return originX + seat.x() * cell;
    }

    double cellY(SeatView seat) {
        return originY + seat.y() * cell;
    }

    double cell() {
        return cell;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** The label of row {@code y}, or null for a row without seats. */
    String rowLabel(int y) {
        return rowLabels[y];
    }

    List<SeatView> seats() {
        return seats;
    }

    /** True when {@code other} puts the same seats in the same places: a status change, not a new layout. */
    boolean sameLayout(List<SeatView> other) {
        if (other.size() != seats.size()) {
            return false;
        }
        for (int i = 0; i < seats.size(); i++) {
            SeatView a = seats.get(i);
            SeatView b = other.get(i);
            if (!a.id().equals(b.id()) || a.x() != b.x() || a.y() != b.y() || a.type() != b.type()) {
                return false;
            }
        }
        return true;
    }
}
