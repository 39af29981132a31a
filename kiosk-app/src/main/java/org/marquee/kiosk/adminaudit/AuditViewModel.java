package org.marquee.kiosk.adminaudit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.AuditLog;
import org.marquee.kiosk.client.AuditLog.Query;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.AuditEntry;

/**
 * The audit log, newest first, a page at a time, filtered by days (both included), action and who (a username or a
 * terminal's name). "Older" asks for the entries before the page's last one; "Newer" goes back a page.
 */
public final class AuditViewModel {

    /** Entries per page. */
    public static final int PAGE = 50;

    static final List<String> FIELDS = List.of("from", "to", "action", "actor", "limit", "before");

    private final AuditLog log;
    private final Tasks tasks;
    private final Messages messages;

    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty actor = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final FormErrors errors = new FormErrors(FIELDS);
    /** The query of every page shown before this one, to go back. */
    private final Deque<Query> earlier = new ArrayDeque<>();

    private Query shown;

    public AuditViewModel(AuditLog log, Tasks tasks, Messages messages) {
        this.log = log;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The newest entries that match the filters. */
    public void search() {
        errors.clear();
        LocalDate fromDay = day("from", from.get());
        LocalDate toDay = day("to", to.get());
        if (errors.any()) {
            return;
        }
        earlier.clear();
        show(new Query(fromDay, toDay, blankToNull(action.get()), blankToNull(actor.get()), PAGE + 1, null), 1);
    }

    /** The page of entries older than the last one shown. */
    public void older() {
        if (!hasOlder.get() || shown == null || entries.isEmpty()) {
            return;
        }
        earlier.push(shown);
        show(shown.next(entries.getLast().id()), page.get() + 1);
    }

    /** Back to the page before. */
    public void newer() {
        if (earlier.isEmpty()) {
            return;
        }
        show(earlier.pop(), page.get() - 1);
    }

    private void show(Query query, int number) {
        if (working.get()) {
            return;
        }
        working.set(true);
        tasks.run(
                () -> log.audit(query),
                found -> {
                    shown = query;
                    hasOlder.set(found.size() > PAGE);
                    entries.setAll(found.size() > PAGE ? found.subList(0, PAGE) : found);
                    page.set(number);
                    working.set(false);
                },
                problem -> {
                    errors.show(problem, messages.get("admin.offline"));
                    working.set(false);
                });
    }

    private LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.set(field, messages.get("admin.error.date"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A first day, as 2026-11-30; blank for no limit. */
    public StringProperty fromProperty() {
        return from;
    }

    /** A last day, included; blank for no limit. */
    public StringProperty toProperty() {
        return to;
    }

    /** An action such as THEATER_UPDATED; blank for all. */
    public StringProperty actionProperty() {
        return action;
    }

    /** A username or a terminal's name; blank for everyone. */
    public StringProperty actorProperty() {
        return actor;
    }

    public ObservableList<AuditEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /** The page shown, from 1 (the newest); 0 before the first search. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public FormErrors errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
