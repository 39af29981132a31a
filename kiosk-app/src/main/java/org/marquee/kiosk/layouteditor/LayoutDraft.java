package org.marquee.kiosk.layouteditor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A seat layout being drawn: row labels and a rectangle of cells, one letter each in the {@code SeatLayout} notation
 * (a row the server wrote shorter than the widest is filled with gaps). Immutable: every edit answers a new draft, so
 * undo is a stack of drafts. Cells may hold characters the notation does not know (from a layout typed by hand); the
 * parser then names them, at their row.
 */
public record LayoutDraft(List<String> labels, List<String> cells) {

    public LayoutDraft {
        labels = List.copyOf(labels);
        cells = List.copyOf(cells);
        if (labels.size() != cells.size()) {
            throw new IllegalArgumentException("one label per row");
        }
    }

    /** A hall of {@code rows × columns} standard seats, rows labelled A, B, C… */
    public static LayoutDraft blank(int rows, int columns) {
        List<String> labels = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int y = 0; y < rows; y++) {
            labels.add(nextLabel(labels));
            cells.add("S".repeat(columns));
        }
        return new LayoutDraft(labels, cells);
    }

    /** Reads rows written as {@code "A:SSSS..SSSS"}; a row without a colon keeps its text as cells, label empty. */
    public static LayoutDraft of(List<String> rows) {
        List<String> labels = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int width = 0;
        for (String row : rows) {
            int colon = row.indexOf(':');
            labels.add(colon < 0 ? "" : row.substring(0, colon));
            String line = colon < 0 ? row : row.substring(colon + 1);
            cells.add(line);
            width = Math.max(width, line.length());
        }
        List<String> padded = new ArrayList<>();
        for (String line : cells) {
            padded.add(line + ".".repeat(width - line.length()));
        }
        return new LayoutDraft(labels, padded);
    }

    /** The rows in the notation, one string each, as the server takes them. */
    public List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < labels.size(); y++) {
            rows.add(labels.get(y) + ":" + cells.get(y));
        }
        return rows;
    }

    public int rowCount() {
        return labels.size();
    }

    public int columnCount() {
        return cells.isEmpty() ? 0 : cells.getFirst().length();
    }

    public char cell(int row, int column) {
        return cells.get(row).charAt(column);
    }

    public boolean contains(int row, int column) {
        return row >= 0 && row < rowCount() && column >= 0 && column < columnCount();
    }

    /** The draft with the cell set to {@code kind}; itself when nothing changes or the cell is outside. */
    public LayoutDraft paint(int row, int column, CellKind kind) {
        if (!contains(row, column) || cell(row, column) == kind.letter()) {
            return this;
        }
        List<String> next = new ArrayList<>(cells);
        StringBuilder line = new StringBuilder(next.get(row));
        line.setCharAt(column, kind.letter());
        next.set(row, line.toString());
        return new LayoutDraft(labels, next);
    }

    /** A new row of standard seats after {@code row} (-1: first), labelled with the first free label. */
    public LayoutDraft insertRowAfter(int row) {
        List<String> nextLabels = new ArrayList<>(labels);
        List<String> nextCells = new ArrayList<>(cells);
        int at = Math.max(0, Math.min(row + 1, rowCount()));
        nextLabels.add(at, nextLabel(labels));
        nextCells.add(at, "S".repeat(Math.max(1, columnCount())));
        return new LayoutDraft(nextLabels, nextCells);
    }

    public LayoutDraft removeRow(int row) {
        if (row < 0 || row >= rowCount() || rowCount() == 1) {
            return this;
        }
        List<String> nextLabels = new ArrayList<>(labels);
        List<String> nextCells = new ArrayList<>(cells);
        nextLabels.remove(row);
        nextCells.remove(row);
        return new LayoutDraft(nextLabels, nextCells);
    }

    /** The row with a new label, as typed (capitalised); the parser says if it is not a valid or a unique one. */
    public LayoutDraft renameRow(int row, String label) {
        if (row < 0 || row >= rowCount() || label == null) {
            return this;
        }
        List<String> nextLabels = new ArrayList<>(labels);
        nextLabels.set(row, label.strip().toUpperCase(java.util.Locale.ROOT));
        return new LayoutDraft(nextLabels, cells);
    }

    /** A new column of gaps after {@code column} (-1: first): an aisle, to be painted with seats if wanted. */
    public LayoutDraft insertColumnAfter(int column) {
        int at = Math.max(0, Math.min(column + 1, columnCount()));
        List<String> next = new ArrayList<>();
        for (String line : cells) {
            next.add(line.substring(0, at) + "." + line.substring(at));
        }
        return new LayoutDraft(labels, next);
    }

    public LayoutDraft removeColumn(int column) {
        if (column < 0 || column >= columnCount() || columnCount() == 1) {
            return this;
        }
        List<String> next = new ArrayList<>();
        for (String line : cells) {
            next.add(line.substring(0, column) + line.substring(column + 1));
        }
        return new LayoutDraft(labels, next);
    }

    /** The first of A…Z, AA…ZZ not in {@code used}. */
    static String nextLabel(List<String> used) {
        Set<String> taken = new HashSet<>(used);
        for (char c = 'A'; c <= 'Z'; c++) {
            if (!taken.contains(String.valueOf(c))) {
                return String.valueOf(c);
            }
        }
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String label = "" + a + b;
                if (!taken.contains(label)) {
                    return label;
                }
            }
        }
        return "ZZZ";
    }
}
