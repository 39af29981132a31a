package org.marquee.kiosk.adminshifts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.CashReport;
import org.marquee.kiosk.core.DrawerCash;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.CashShift;

/**
 * The cash report of a day (DESIGN §7.4): every shift opened that business day at the theater's terminals, with
 * float, expected, counted and variance; a shift that did not balance stands out. A day is chosen with the date
 * picker or stepped through one at a time; each change loads that day.
 */
public final class CashShiftsViewModel {

    static final List<String> FIELDS = List.of("theaterId", "date");

    private final CashReport report;
    private final Tasks tasks;
    private final Messages messages;
    private final long theaterId;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> date;
    private final ObservableList<ShiftRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final FormErrors errors = new FormErrors(FIELDS);
    /** The day whose answer is awaited: a later choice wins over an earlier answer. */
    private LocalDate asked;

    /**
     * @param theaterId the theater reported on: the terminal's own
     * @param today the theater's business day today, shown first
     * @param zone the theater's time zone, for the opening and closing times
     */
    public CashShiftsViewModel(
            CashReport report, Tasks tasks, Messages messages, long theaterId, LocalDate today, ZoneId zone) {
        this.report = report;
        this.tasks = tasks;
        this.messages = messages;
        this.theaterId = theaterId;
        this.zone = zone;
        this.date = new SimpleObjectProperty<>(today);
        date.addListener((obs, before, now) -> {
            if (now != null && !now.equals(before)) {
                load();
            }
        });
    }

    /** Loads the chosen day's shifts. */
    public void load() {
        LocalDate day = date.get();
        if (day == null) {
            errors.set("date", messages.get("admin.error.date"));
            return;
        }
        errors.clear();
        asked = day;
        working.set(true);
        tasks.run(
                () -> report.cashShifts(theaterId, day),
                shifts -> {
                    if (!day.equals(asked)) {
                        return;
                    }
                    rows.setAll(shifts.stream()
                            .map(shift -> ShiftRow.of(shift, messages, zone))
                            .toList());
                    summary.set(summarize(shifts));
                    working.set(false);
                },
                problem -> {
                    if (!day.equals(asked)) {
                        return;
                    }
                    rows.clear();
                    summary.set("");
                    errors.show(problem, messages.get("admin.offline"));
                    working.set(false);
                });
    }

    public void previousDay() {
        date.set(date.get().minusDays(1));
    }

    public void nextDay() {
        date.set(date.get().plusDays(1));
    }

    /** "Shifts: 3 · still open: 1 · not balanced: 1 · in all: 2.50 short", or that there were none. */
    private String summarize(List<CashShift> shifts) {
        if (shifts.isEmpty()) {
            return messages.get("admin.cash.none");
        }
        long open = shifts.stream().filter(shift -> shift.closedAt() == null).count();
        List<CashShift> off = shifts.stream()
                .filter(shift -> shift.varianceMinor() != null && shift.varianceMinor() != 0)
                .toList();
        long total = off.stream().mapToLong(CashShift::varianceMinor).sum();
        String counts = messages.get("admin.cash.summary", shifts.size(), open, off.size());
        return total == 0
                ? counts
                : counts + " · " + messages.get("admin.cash.total", DrawerCash.variance(total, messages));
    }

    /** The day reported on. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObservableList<ShiftRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public FormErrors errors() {
        return errors;
    }
}
