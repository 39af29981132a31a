package org.marquee.kiosk.layouteditor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.AuditoriumAdmin;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatMap;

/**
 * The seat-layout editor of one theater's auditoriums (DESIGN §7.6): a {@link LayoutDraft} painted cell by cell (a
 * press and a drag are one stroke, one undo step), rows and columns added, removed and renamed, every change read at
 * once by the shared parser ({@link LayoutCheck}) so its message shows at its row and the preview is the seat map a
 * terminal would draw. Saving sends the rows in the notation; a layout in use comes back naming the seats that block
 * it, which the grid marks.
 */
public final class LayoutEditorViewModel {

    /** A new auditorium starts as this many rows and columns of standard seats. */
    static final int NEW_ROWS = 8;

    static final int NEW_COLUMNS = 14;

    private final AuditoriumAdmin admin;
    private final Tasks tasks;
    private final Messages messages;
    private final long theaterId;

    private final ReadOnlyObjectWrapper<List<AuditoriumInfo>> auditoriums = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<AuditoriumInfo> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<LayoutDraft> draft =
            new ReadOnlyObjectWrapper<>(LayoutDraft.blank(NEW_ROWS, NEW_COLUMNS));
    private final ObjectProperty<CellKind> tool = new SimpleObjectProperty<>(CellKind.PREMIUM);
    private final ReadOnlyIntegerWrapper cursorRow = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper cursorColumn = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<LayoutCheck> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeatMap> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorRow = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<String>> blockingSeats = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Set<Cell>> blockingCells = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final Deque<LayoutDraft> history = new ArrayDeque<>();
    private LayoutDraft strokeStart;

    /** A cell of the grid: row and column index. */
    public record Cell(int row, int column) {}

    public LayoutEditorViewModel(AuditoriumAdmin admin, Tasks tasks, Messages messages, long theaterId) {
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
        this.theaterId = theaterId;
        name.addListener((obs, was, now) -> dirty.set(true));
        recheck();
    }

    /** Loads the theater's auditoriums and opens the first, or a new one when there is none. */
    public void load() {
        tasks.run(
                () -> admin.auditoriums(theaterId),
                list -> {
                    auditoriums.set(List.copyOf(list));
                    if (list.isEmpty()) {
                        startNew();
                    } else {
                        open(list.getFirst());
                    }
                },
                problem -> status.set(problem.getMessage()));
    }

    /** Edits {@code auditorium}'s saved layout; forgets the undo steps of the one before. */
    public void open(AuditoriumInfo auditorium) {
        editing.set(auditorium);
        name.set(auditorium.name());
        replace(LayoutDraft.of(auditorium.layout()));
        status.set("");
    }

    /** A new auditorium: a rectangle of standard seats to paint, named when saved. */
    public void startNew() {
        editing.set(null);
        name.set(messages.get("layout.newName"));
        replace(LayoutDraft.blank(NEW_ROWS, NEW_COLUMNS));
        status.set("");
    }

    private void replace(LayoutDraft next) {
        history.clear();
        canUndo.set(false);
        draft.set(next);
        cursorRow.set(0);
        cursorColumn.set(0);
        clearBlocking();
        recheck();
        dirty.set(false);
    }

    // ---- painting: a press and a drag are one stroke ----

    /** The mouse goes down on a cell: paints it with the tool, and starts one undo step. */
    public void press(int row, int column) {
        strokeStart = draft.get();
        setCursor(row, column);
        change(draft.get().paint(row, column, tool.get()), false);
    }

    /** The mouse, still down, moves to a cell: paints it and the cells on the way, in the same undo step. */
    public void dragTo(int row, int column) {
        if (strokeStart == null) {
            press(row, column);
            return;
        }
        // a quick drag skips cells between two mouse events: paint the straight line between them
        int fromRow = cursorRow.get();
        int fromColumn = cursorColumn.get();
        int steps = Math.max(Math.abs(row - fromRow), Math.abs(column - fromColumn));
        LayoutDraft next = draft.get();
        for (int i = 1; i <= steps; i++) {
            int r = fromRow + Math.round((float) (row - fromRow) * i / steps);
            int c = fromColumn + Math.round((float) (column - fromColumn) * i / steps);
            next = next.paint(r, c, tool.get());
        }
        setCursor(row, column);
        change(next, false);
    }

    /** The mouse comes up: the stroke becomes one undo step if it changed anything. */
    public void release() {
        if (strokeStart != null && !strokeStart.equals(draft.get())) {
            remember(strokeStart);
        }
        strokeStart = null;
    }

    /** Keyboard: paints the cell under the cursor with {@code kind}, which becomes the tool. */
    public void paintAtCursor(CellKind kind) {
        tool.set(kind);
        change(draft.get().paint(cursorRow.get(), cursorColumn.get(), kind), true);
    }

    /** Keyboard: the cursor moves by {@code rows} and {@code columns}, staying on the grid. */
    public void moveCursor(int rows, int columns) {
        setCursor(cursorRow.get() + rows, cursorColumn.get() + columns);
    }

    public void setCursor(int row, int column) {
        LayoutDraft d = draft.get();
        cursorRow.set(Math.max(0, Math.min(row, d.rowCount() - 1)));
        cursorColumn.set(Math.max(0, Math.min(column, d.columnCount() - 1)));
    }

    // ---- rows and columns, at the cursor ----

    public void addRow() {
        change(draft.get().insertRowAfter(cursorRow.get()), true);
        moveCursor(1, 0);
    }

    public void removeRow() {
        change(draft.get().removeRow(cursorRow.get()), true);
        moveCursor(0, 0);
    }

    public void renameRow(String label) {
        change(draft.get().renameRow(cursorRow.get(), label), true);
    }

    public void addColumn() {
        change(draft.get().insertColumnAfter(cursorColumn.get()), true);
        moveCursor(0, 1);
    }

    public void removeColumn() {
        change(draft.get().removeColumn(cursorColumn.get()), true);
        moveCursor(0, 0);
    }

    public void undo() {
        if (history.isEmpty()) {
            return;
        }
        draft.set(history.pop());
        canUndo.set(!history.isEmpty());
        moveCursor(0, 0);
        recheck();
    }

    private void change(LayoutDraft next, boolean ownStep) {
        LayoutDraft now = draft.get();
        if (next.equals(now)) {
            return;
        }
        if (ownStep) {
            remember(now);
        }
        draft.set(next);
        dirty.set(true);
        recheck();
    }

    private void remember(LayoutDraft before) {
        history.push(before);
        canUndo.set(true);
    }

    private void recheck() {
        LayoutCheck result = LayoutCheck.of(draft.get().rows());
        check.set(result);
        preview.set(result.preview());
        errorRow.set(result.row());
        error.set(
                result.valid()
                        ? ""
                        : result.row() >= 0
                                ? messages.get("layout.errorAtRow", result.row() + 1, result.message())
                                : result.message());
        summary.set(
                result.valid()
                        ? messages.get(
                                "layout.summary",
                                result.layout().seats().size(),
                                result.sellableSeats(),
                                draft.get().rowCount())
                        : "");
    }

    // ---- saving ----

    /** Sends the layout: a new auditorium is created, an open one changed. Nothing is sent while the parser refuses. */
    public void save() {
        if (!check.get().valid() || saving.get()) {
            return;
        }
        String title = name.get() == null ? "" : name.get().strip();
        if (title.isEmpty()) {
            status.set(messages.get("layout.nameNeeded"));
            return;
        }
        AuditoriumInfo current = editing.get();
        AuditoriumRequest request =
                new AuditoriumRequest(theaterId, title, draft.get().rows());
        saving.set(true);
        status.set(messages.get("layout.saving"));
        tasks.run(
                () -> current == null ? admin.createAuditorium(request) : admin.updateAuditorium(current.id(), request),
                this::saved,
                this::refused);
    }

    private void saved(AuditoriumInfo info) {
        saving.set(false);
        clearBlocking();
        editing.set(info);
        List<AuditoriumInfo> list = new java.util.ArrayList<>(auditoriums.get());
        list.removeIf(a -> a.id() == info.id());
        list.add(info);
        list.sort(java.util.Comparator.comparing(AuditoriumInfo::name));
        auditoriums.set(List.copyOf(list));
        dirty.set(false);
        status.set(messages.get("layout.saved", info.name(), info.seatCount()));
    }

    private void refused(ApiProblem problem) {
        saving.set(false);
        if (problem.code() == ErrorCode.LAYOUT_IN_USE) {
            List<String> seats = problem.seatIds();
            blockingSeats.set(List.copyOf(seats));
            blockingCells.set(cellsOf(seats));
            status.set(messages.get("layout.inUse", String.join(", ", seats)));
        } else if (problem.code() == ErrorCode.INVALID_LAYOUT) {
            int row = LayoutCheck.rowOf(draft.get().rows(), problem.getMessage());
            errorRow.set(row);
            error.set(
                    row >= 0 ? messages.get("layout.errorAtRow", row + 1, problem.getMessage()) : problem.getMessage());
            status.set(problem.getMessage());
        } else {
            status.set(problem.getMessage());
        }
    }

    /** Where the blocking seats are in the saved layout, found again in the draft by row label. */
    private Set<Cell> cellsOf(List<String> seatIds) {
        AuditoriumInfo saved = editing.get();
        if (saved == null) {
            return Set.of();
        }
        Set<String> wanted = new HashSet<>(seatIds);
        Set<Cell> cells = new HashSet<>();
        List<String> labels = draft.get().labels();
        for (SeatDefinition seat : LayoutCheck.of(saved.layout()).layoutOrEmpty()) {
            int row = labels.indexOf(seat.row());
            if (wanted.contains(seat.id()) && row >= 0) {
                cells.add(new Cell(row, seat.x()));
            }
        }
        return Set.copyOf(cells);
    }

    private void clearBlocking() {
        blockingSeats.set(List.of());
        blockingCells.set(Set.of());
    }

    // ---- state for the view ----

    public ReadOnlyObjectProperty<List<AuditoriumInfo>> auditoriumsProperty() {
        return auditoriums.getReadOnlyProperty();
    }

    /** The auditorium whose layout is open, null for a new one not yet saved. */
    public ReadOnlyObjectProperty<AuditoriumInfo> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<LayoutDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** What a click or a drag paints. */
    public ObjectProperty<CellKind> toolProperty() {
        return tool;
    }

    public ReadOnlyIntegerProperty cursorRowProperty() {
        return cursorRow.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty cursorColumnProperty() {
        return cursorColumn.getReadOnlyProperty();
    }

    /** The seat map a terminal would draw for this layout; null while the parser refuses it. */
    public ReadOnlyObjectProperty<SeatMap> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The parser's message with its row, "" for a layout it accepts. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The index of the row the parser's message is about, -1 for none. */
    public ReadOnlyIntegerProperty errorRowProperty() {
        return errorRow.getReadOnlyProperty();
    }

    /** "120 seats, 118 for sale, 10 rows" for a valid layout. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Seats sold or held for coming showtimes that the last save would have dropped (LAYOUT_IN_USE). */
    public ReadOnlyObjectProperty<List<String>> blockingSeatsProperty() {
        return blockingSeats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<Cell>> blockingCellsProperty() {
        return blockingCells.getReadOnlyProperty();
    }

    /** The outcome of the last load or save, for a person. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True once the layout or the name changed since it was opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True while the parser accepts the draft, so it may be saved. */
    public boolean valid() {
        return check.get().valid();
    }
}
