package org.marquee.kiosk.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;

/**
 * What the manager fills in to add showtimes: the film, format and price plan, and either one date and time or a
 * series (days of the week, times, first and last date). {@link #proposal(ZoneId)} reads it into start instants in the
 * theater's zone, or says what is missing or wrong.
 */
public final class ScheduleForm {

    /** Start instants, or the problem that stops the form from giving any. */
    public record Proposal(List<Instant> starts, String problem) {
        static Proposal of(List<Instant> starts) {
            return new Proposal(List.copyOf(starts), null);
        }

        static Proposal refused(String problem) {
            return new Proposal(List.of(), problem);
        }

        public boolean ok() {
            return problem == null && !starts.isEmpty();
        }
    }

    private final Messages messages;
    private final ObjectProperty<MovieInfo> movie = new SimpleObjectProperty<>();
    private final ObjectProperty<PricePlan> plan = new SimpleObjectProperty<>();
    private final StringProperty format = new SimpleStringProperty("2D");
    private final BooleanProperty series = new SimpleBooleanProperty(false);
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("19:00");
    private final ReadOnlyObjectWrapper<Set<DayOfWeek>> days =
            new ReadOnlyObjectWrapper<>(Set.copyOf(EnumSet.allOf(DayOfWeek.class)));
    private final StringProperty times = new SimpleStringProperty("17:00, 20:00");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");

    public ScheduleForm(Messages messages) {
        this.messages = messages;
    }

    /** Every property whose change changes the proposal. */
    List<ObservableValue<?>> inputs() {
        return List.of(movie, plan, format, series, date, time, days, times, from, to);
    }

    public Proposal proposal(ZoneId zone) {
        if (movie.get() == null) {
            return Proposal.refused(messages.get("schedule.form.noMovie"));
        }
        if (format.get() == null || format.get().isBlank()) {
            return Proposal.refused(messages.get("schedule.form.noFormat"));
        }
        try {
            if (!series.get()) {
                LocalDate day = parseDate(date.get());
                List<LocalTime> at = SeriesPlan.times(time.get());
                if (at.size() != 1) {
                    return Proposal.refused(messages.get("schedule.form.oneTime"));
                }
                return Proposal.of(
                        List.of(day.atTime(at.getFirst()).atZone(zone).toInstant()));
            }
            LocalDate first = parseDate(from.get());
            LocalDate last = parseDate(to.get());
            if (first.isAfter(last)) {
                return Proposal.refused(messages.get("schedule.form.fromAfterTo"));
            }
            if (days.get().isEmpty()) {
                return Proposal.refused(messages.get("schedule.form.noDays"));
            }
            List<LocalTime> at = SeriesPlan.times(times.get());
            if (at.isEmpty()) {
                return Proposal.refused(messages.get("schedule.form.noTimes"));
            }
            List<Instant> starts = SeriesPlan.starts(first, last, days.get(), at, zone);
            return starts.isEmpty()
                    ? Proposal.refused(messages.get("schedule.form.noDayInRange"))
                    : Proposal.of(starts);
        } catch (BadDate e) {
            return Proposal.refused(messages.get("schedule.form.badDate", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return Proposal.refused(messages.get("schedule.form.badTime", e.getMessage()));
        }
    }

    private static final class BadDate extends RuntimeException {
        BadDate(String text) {
            super(text, null, false, false);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BadDate(text == null || text.isBlank() ? "—" : text.strip());
        }
    }

    public void toggleDay(DayOfWeek day) {
        Set<DayOfWeek> next = EnumSet.noneOf(DayOfWeek.class);
        next.addAll(days.get());
        if (!next.remove(day)) {
            next.add(day);
        }
        days.set(Set.copyOf(next));
    }

    public ObjectProperty<MovieInfo> movieProperty() {
        return movie;
    }

    public ObjectProperty<PricePlan> planProperty() {
        return plan;
    }

    public StringProperty formatProperty() {
        return format;
    }

    /** False: one showtime at {@link #dateProperty()} and {@link #timeProperty()}; true: a series. */
    public BooleanProperty seriesProperty() {
        return series;
    }

    /** The single showtime's date, YYYY-MM-DD. */
    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ReadOnlyObjectProperty<Set<DayOfWeek>> daysProperty() {
        return days.getReadOnlyProperty();
    }

    /** The series' times, "17:00, 20:00". */
    public StringProperty timesProperty() {
        return times;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }
}
