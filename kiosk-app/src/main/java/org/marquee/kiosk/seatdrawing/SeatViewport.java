package org.marquee.kiosk.seatdrawing;

/**
 * The part of a hall a surface shows: the cell size (zoom) and where the hall sits when it is larger than the surface
 * (pan). The hall starts zoomed to fit, never below the smallest cell a finger can hit; a pinch or the wheel zooms
 * between the whole hall and the largest cell, and a drag pans while the hall is larger than the surface. Plain
 * arithmetic, no JavaFX: the canvas asks it where to draw.
 */
final class SeatViewport {

    private double zoom = 1;
    private boolean placed;
    /** The hall's left and top edge (its label gutter and screen band included) in surface pixels; at most 0. */
    private double left;

    private double top;

    private double fitCell;
    private double baseCell;
    private double cell;
    private double largest;
    private double width;
    private double height;
    private double across;
    private double down;

    /**
     * Works out the cell for a surface of {@code width × height} and a hall of {@code across × down} cells (its gutters
     * and screen band included), keeping the zoom and pan chosen so far where they still make sense.
     */
    void fit(double width, double height, double across, double down, double minCell, double maxCell) {
        this.width = width;
        this.height = height;
        this.across = across;
        this.down = down;
        fitCell = Math.max(1, Math.min(width / across, height / down));
        baseCell = Math.clamp(fitCell, Math.min(minCell, maxCell), Math.max(minCell, maxCell));
        largest = Math.max(baseCell, maxCell);
        zoom = Math.clamp(zoom, Math.min(1, fitCell / baseCell), largest / baseCell);
        cell = baseCell * zoom;
        if (!placed && width > 0 && height > 0) {
            // a hall larger than the space opens on its middle, the screen in view
            left = (width - across * cell) / 2;
            top = 0;
            placed = true;
        }
        clamp();
    }

    /** Forgets the zoom and pan: a new hall opens zoomed to fit, on its middle. */
    void reset() {
        zoom = 1;
        placed = false;
    }

    /** Zooms by {@code factor} around the surface point ({@code x}, {@code y}), which stays over the same seat. */
    boolean zoomBy(double factor, double x, double y) {
        if (baseCell <= 0 || !Double.isFinite(factor) || factor <= 0) {
            return false;
        }
        double smallest = Math.min(baseCell, fitCell);
        double next = Math.clamp(cell * factor, smallest, largest);
        if (next == cell) {
            return false;
        }
        double hallX = (x - left) / cell;
        double hallY = (y - top) / cell;
        zoom = next / baseCell;
        cell = next;
        left = x - hallX * cell;
        top = y - hallY * cell;
        clamp();
        return true;
    }

    /** Moves the hall by ({@code dx}, {@code dy}) pixels where it is larger than the surface; true if it moved. */
    boolean panBy(double dx, double dy) {
        double wasLeft = left;
        double wasTop = top;
        left += dx;
        top += dy;
        clamp();
        return left != wasLeft || top != wasTop;
    }

    /**
     * Pans the least needed to bring the cell at ({@code hallX}, {@code hallY}) (in cells from the hall's top left
     * corner) fully into view, clear of {@code gutter} pixels at each side and {@code band} pixels at the top.
     */
    boolean reveal(double hallX, double hallY, double gutter, double band) {
        double cellLeft = left + hallX * cell;
        double cellTop = top + hallY * cell;
        double dx = 0;
        double dy = 0;
        if (cellLeft < gutter) {
            dx = gutter - cellLeft;
        } else if (cellLeft + cell > width - gutter) {
            dx = width - gutter - cellLeft - cell;
        }
        if (cellTop < band) {
            dy = band - cellTop;
        } else if (cellTop + cell > height) {
            dy = height - cellTop - cell;
        }
        return (dx != 0 || dy != 0) && panBy(dx, dy);
    }

    /** Keeps the hall over the surface: centred where it is smaller, its edges no further in than the surface's. */
    private void clamp() {
        double hallWidth = across * cell;
        double hallHeight = down * cell;
        left = hallWidth <= width ? (width - hallWidth) / 2 : Math.clamp(left, width - hallWidth, 0);
        top = hallHeight <= height ? (height - hallHeight) / 2 : Math.clamp(top, height - hallHeight, 0);
    }

    /** The side of a cell now. */
    double cell() {
        return cell;
    }

    /** The hall's left edge (gutter included) on the surface. */
    double left() {
        return left;
    }

    double top() {
        return top;
    }

    /** True while the hall is wider than the surface: the row letters are pinned to the surface's edges. */
    boolean pansAcross() {
        return across * cell > width + 0.5;
    }

    /** True while the hall is taller than the surface. */
    boolean pansDown() {
        return down * cell > height + 0.5;
    }

    /** True when the whole hall is on the surface. */
    boolean showsWholeHall() {
        return !pansAcross() && !pansDown();
    }
}
