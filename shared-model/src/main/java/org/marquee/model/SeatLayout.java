package org.marquee.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The seat-map codec: an auditorium layout written as one line per row, nearest the screen first, such as
 * {@code "A:SSSS..SSSS"}. Before the colon is the row label; after it one cell per column: {@code S} standard,
 * {@code P} premium, {@code W} wheelchair space, {@code C} companion seat, {@code X} a standard seat out of service,
 * {@code .} no seat (an aisle or gap). Seats are numbered from 1, left to right, skipping gaps.
 */
public record SeatLayout(List<String> rows, List<SeatDefinition> seats) {

    /** Largest layout accepted, in rows and columns: far above any real auditorium. */
    public static final int MAX_ROWS = 100;

    public static final int MAX_COLUMNS = 120;

    private static final Pattern ROW_LABEL = Pattern.compile("[A-Z]{1,3}");

    public SeatLayout {
        rows = List.copyOf(rows);
        seats = List.copyOf(seats);
    }

    /**
     * A layout that does not parse: {@code row} is the 1-based line it is on (0 for the layout as a whole) and
     * {@code column} the 1-based cell after the colon (0 when the whole row is wrong), so that an editor can show the
     * error where it is.
     */
    public static final class LayoutException extends IllegalArgumentException {
        private final int row;
        private final int column;

        public LayoutException(int row, int column, String message) {
            super(message);
            this.row = row;
            this.column = column;
        }

        public int row() {
            return row;
        }

        public int column() {
            return column;
        }
    }

    /** Reads a layout, or throws {@link LayoutException} saying which row (and column) is wrong and why. */
    public static SeatLayout parse(List<String> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new LayoutException(0, 0, "A seat layout needs at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw new LayoutException(MAX_ROWS + 1, 0, "A seat layout has at most " + MAX_ROWS + " rows");
        }
        List<SeatDefinition> seats = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        for (int y = 0; y < rows.size(); y++) {
            String line = rows.get(y);
            int colon = line == null ? -1 : line.indexOf(':');
            if (colon < 0) {
                throw new LayoutException(y + 1, 0, "Row " + (y + 1) + " must look like \"A:SSSS..SSSS\"");
            }
            String label = line.substring(0, colon);
            String cells = line.substring(colon + 1);
            if (!ROW_LABEL.matcher(label).matches()) {
                throw new LayoutException(
                        y + 1, 0, "Row " + (y + 1) + " has label \"" + label + "\"; use one to three capital letters");
            }
            Integer first = labels.putIfAbsent(label, y + 1);
            if (first != null) {
                throw new LayoutException(
                        y + 1,
                        0,
                        "Row label " + label + " appears twice: row " + (y + 1) + " repeats the label of row " + first);
            }
            if (cells.length() > MAX_COLUMNS) {
                throw new LayoutException(
                        y + 1, MAX_COLUMNS + 1, "Row " + label + " has more than " + MAX_COLUMNS + " columns");
            }
            int number = 0;
            for (int x = 0; x < cells.length(); x++) {
                char cell = cells.charAt(x);
                if (cell == '.') {
                    continue;
                }
                SeatType type = typeOf(cell, label, y, x);
                number++;
                seats.add(new SeatDefinition(label + number, label, number, x, y, type, cell == 'X'));
            }
        }
        if (seats.isEmpty()) {
            throw new LayoutException(0, 0, "A seat layout needs at least one seat");
        }
        return new SeatLayout(rows, seats);
    }

    private static SeatType typeOf(char cell, String label, int y, int x) {
        return switch (cell) {
            case 'S', 'X' -> SeatType.STANDARD;
            case 'P' -> SeatType.PREMIUM;
            case 'W' -> SeatType.WHEELCHAIR;
            case 'C' -> SeatType.COMPANION;
            default ->
                throw new LayoutException(
                        y + 1,
                        x + 1,
                        "Row " + label + " column " + (x + 1) + " has '" + cell + "'; use S, P, W, C, X or . (gap)");
        };
    }

    /** Seats that can be sold: every seat that is not out of service. */
    public int sellableSeats() {
        return (int) seats.stream().filter(seat -> !seat.blocked()).count();
    }
}
