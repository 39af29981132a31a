package org.marquee.kiosk.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.AuditoriumAdmin;
import org.marquee.kiosk.client.ScheduleAdmin;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.schedule.ScheduleForm.Proposal;
import org.marquee.model.AdminShowtime;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.ErrorCode;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.TheaterSettings;

/**
 * A week of one auditorium (DESIGN §7.6): its showtimes as blocks as long as the film plus the theater's cleaning
 * time, weeks to page through, showtimes to add one at a time or as a series in the theater's zone, and a showtime to
 * cancel with a reason. What the form asks for is drawn on the week as it is typed, and checked there against the
 * week's showtimes before anything is sent; the server's {@code SCHEDULE_CLASH} marks the blocks it names. A
 * cancellation ends with the refund summary: refunded orders, refunds that failed (listed), holds released.
 */
public final class ScheduleViewModel {

    private record Setup(
            TheaterSettings theater, List<AuditoriumInfo> rooms, List<MovieInfo> movies, List<PricePlan> plans) {}

    private final ScheduleAdmin schedule;
    private final AuditoriumAdmin rooms;
    private final Tasks tasks;
    private final Messages messages;
    private final long theaterId;
    private final Clock clock;
    private final ScheduleForm form;

    private final ReadOnlyObjectWrapper<TheaterSettings> theater = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<AuditoriumInfo>> auditoriums = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<AuditoriumInfo> auditorium = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<MovieInfo>> movies = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<PricePlan>> plans = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<LocalDate> weekStart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper weekLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<WeekBlock>> blocks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Set<Long>> clashIds = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper proposalText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clashText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<WeekBlock> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cancelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private List<AdminShowtime> week = List.of();
    private Set<Long> serverClashes = Set.of();
    private Proposal proposal = new Proposal(List.of(), "");

    public ScheduleViewModel(
            ScheduleAdmin schedule,
            AuditoriumAdmin rooms,
            Tasks tasks,
            Messages messages,
            long theaterId,
            Clock clock) {
        this.schedule = schedule;
        this.rooms = rooms;
        this.tasks = tasks;
        this.messages = messages;
        this.theaterId = theaterId;
        this.clock = clock;
        this.form = new ScheduleForm(messages);
        for (var input : form.inputs()) {
            input.addListener((obs, was, now) -> rebuild());
        }
        auditorium.addListener((obs, was, now) -> {
            serverClashes = Set.of();
            selected.set(null);
            rebuild();
        });
    }

    /** Loads the theater, its auditoriums, the films and price plans, then this week of the first auditorium. */
    public void load() {
        busy.set(true);
        tasks.run(
                () -> {
                    TheaterSettings settings = schedule.adminTheaters().stream()
                            .filter(t -> t.id() == theaterId)
                            .findFirst()
                            .orElseThrow(() ->
                                    new ApiProblem(404, ErrorCode.NOT_FOUND, messages.get("schedule.noTheater"), null));
                    return new Setup(settings, rooms.auditoriums(theaterId), schedule.movies(), schedule.pricePlans());
                },
                setup -> {
                    theater.set(setup.theater());
                    auditoriums.set(List.copyOf(setup.rooms()));
                    movies.set(List.copyOf(setup.movies()));
                    plans.set(List.copyOf(setup.plans()));
                    LocalDate today = LocalDate.now(clock.withZone(zone()));
                    form.dateProperty().set(today.toString());
                    form.movieProperty()
                            .set(
                                    setup.movies().isEmpty()
                                            ? null
                                            : setup.movies().getFirst());
                    form.planProperty()
                            .set(setup.plans().isEmpty() ? null : setup.plans().getFirst());
                    // the room first: the week's answer may come back on another thread before this one ends, and
                    // its rebuild must see the room, not be overwritten by the room's own rebuild of an empty week
                    auditorium.set(
                            setup.rooms().isEmpty() ? null : setup.rooms().getFirst());
                    showWeekOf(today);
                },
                this::failed);
    }

    public void previousWeek() {
        showWeekOf(weekStart.get().minusWeeks(1));
    }

    public void nextWeek() {
        showWeekOf(weekStart.get().plusWeeks(1));
    }

    public void thisWeek() {
        showWeekOf(LocalDate.now(clock.withZone(zone())));
    }

    private void showWeekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        weekStart.set(monday);
        form.fromProperty().set(monday.toString());
        form.toProperty().set(monday.plusDays(6).toString());
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        weekLabel.set(messages.get(
                "schedule.week", monday.format(format), monday.plusDays(6).format(format)));
        serverClashes = Set.of();
        selected.set(null);
        reloadWeek();
    }

    private void reloadWeek() {
        LocalDate monday = weekStart.get();
        busy.set(true);
        tasks.run(
                () -> schedule.adminShowtimes(theaterId, monday, monday.plusDays(6)),
                list -> {
                    busy.set(false);
                    if (monday.equals(weekStart.get())) {
                        week = List.copyOf(list);
                        rebuild();
                    }
                },
                this::failed);
    }

    /** The week's blocks of the chosen auditorium, with what the form proposes, clashes marked. */
    private void rebuild() {
        AuditoriumInfo room = auditorium.get();
        TheaterSettings settings = theater.get();
        if (room == null || settings == null || weekStart.get() == null) {
            blocks.set(List.of());
            canSave.set(false);
            return;
        }
        ZoneId zone = zone();
        List<AdminShowtime> existing = week.stream()
                .filter(s -> s.auditorium().id() == room.id())
                .sorted(Comparator.comparing(AdminShowtime::startsAt))
                .toList();
        proposal = form.proposal(zone);
        WeekBlocks computed = WeekBlocks.of(
                existing,
                proposal.starts(),
                form.movieProperty().get(),
                form.formatProperty().get(),
                settings.cleaningMinutes(),
                serverClashes,
                zone,
                weekStart.get());
        blocks.set(computed.shown());
        clashIds.set(computed.marked());
        proposalText.set(
                proposal.ok()
                        ? messages.get("schedule.proposal", computed.proposed().size(), computed.proposedOutside())
                        : proposal.problem());
        clashText.set(
                computed.proposalClashes() ? clashSentence(existing, computed.clashing(), computed.proposed()) : "");
        canSave.set(proposal.ok() && !computed.proposalClashes() && !busy.get());
    }

    private String clashSentence(List<AdminShowtime> existing, Set<Long> clashing, List<WeekBlock> proposed) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", messages.locale());
        String names = existing.stream()
                .filter(s -> clashing.contains(s.id()))
                .map(s -> s.movie().title() + " " + s.startsAt().atZone(zone()).format(when))
                .collect(Collectors.joining(", "));
        long count = proposed.stream().filter(WeekBlock::clash).count();
        return names.isEmpty()
                ? messages.get("schedule.clash.own", count)
                : messages.get("schedule.clash", count, names);
    }

    /** Sends what the form proposes: one showtime, or the series, all or none. */
    public void save() {
        rebuild();
        if (!canSave.get()) {
            return;
        }
        AuditoriumInfo room = auditorium.get();
        MovieInfo movie = form.movieProperty().get();
        PricePlan plan = form.planProperty().get();
        Long planId = plan == null ? null : plan.id();
        String format = form.formatProperty().get().strip();
        boolean series = form.seriesProperty().get();
        List<Instant> starts = proposal.starts();
        busy.set(true);
        canSave.set(false);
        status.set(messages.get("schedule.saving"));
        tasks.run(
                () -> series
                        ? schedule.createSeries(new ShowtimeSeriesRequest(
                                        movie.id(),
                                        room.id(),
                                        format,
                                        planId,
                                        form.fromProperty().get().strip(),
                                        form.toProperty().get().strip(),
                                        form.daysProperty().get().stream()
                                                .sorted()
                                                .map(SeriesPlan::code)
                                                .toList(),
                                        SeriesPlan.times(form.timesProperty().get()).stream()
                                                .map(Object::toString)
                                                .toList()))
                                .created()
                                .size()
                        : created(schedule.createShowtime(
                                new ShowtimeRequest(movie.id(), room.id(), starts.getFirst(), format, planId))),
                count -> {
                    busy.set(false);
                    serverClashes = Set.of();
                    status.set(messages.get("schedule.saved", count));
                    reloadWeek();
                },
                problem -> {
                    busy.set(false);
                    if (problem.code() == ErrorCode.SCHEDULE_CLASH) {
                        serverClashes = Set.copyOf(problem.showtimeIds());
                        status.set(messages.get("schedule.serverClash", problem.getMessage()));
                        reloadWeek();
                    } else {
                        failed(problem);
                    }
                });
    }

    private static int created(AdminShowtime showtime) {
        return showtime == null ? 0 : 1;
    }

    /** Chooses a block: a showtime to look at or cancel. Proposed blocks are not chosen. */
    public void select(WeekBlock block) {
        selected.set(block == null || block.proposed() ? null : block);
        cancelSummary.set("");
    }

    /** Cancels the chosen showtime: its holds end, its paid orders are refunded, buyers are told. */
    public void cancelSelected(String reason) {
        WeekBlock block = selected.get();
        if (block == null || block.cancelled()) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            status.set(messages.get("schedule.cancel.reasonNeeded"));
            return;
        }
        busy.set(true);
        tasks.run(
                () -> schedule.cancelShowtime(block.showtimeId(), reason.strip()),
                result -> {
                    busy.set(false);
                    cancelSummary.set(summary(result));
                    status.set(messages.get("schedule.cancelled", block.title()));
                    selected.set(null);
                    reloadWeek();
                },
                this::failed);
    }

    private String summary(ShowtimeCancellation result) {
        List<UUID> failed = result.failedRefunds();
        String text = messages.get("schedule.cancel.summary", result.refundedOrders(), result.releasedHolds());
        if (!failed.isEmpty()) {
            text += " "
                    + messages.get(
                            "schedule.cancel.failed",
                            failed.size(),
                            failed.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
        return text;
    }

    private void failed(ApiProblem problem) {
        busy.set(false);
        status.set(problem.getMessage());
        rebuild();
    }

    private ZoneId zone() {
        TheaterSettings settings = theater.get();
        return settings == null ? clock.getZone() : ZoneId.of(settings.timeZone());
    }

    // ---- state for the view ----

    public ScheduleForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<TheaterSettings> theaterProperty() {
        return theater.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<AuditoriumInfo>> auditoriumsProperty() {
        return auditoriums.getReadOnlyProperty();
    }

    /** The auditorium whose week is shown. */
    public ObjectProperty<AuditoriumInfo> auditoriumProperty() {
        return auditorium;
    }

    public ReadOnlyObjectProperty<List<MovieInfo>> moviesProperty() {
        return movies.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<PricePlan>> plansProperty() {
        return plans.getReadOnlyProperty();
    }

    /** The Monday of the week shown. */
    public ReadOnlyObjectProperty<LocalDate> weekStartProperty() {
        return weekStart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekLabelProperty() {
        return weekLabel.getReadOnlyProperty();
    }

    /** The week's showtimes of the auditorium and the proposed ones, in time order of the existing first. */
    public ReadOnlyObjectProperty<List<WeekBlock>> blocksProperty() {
        return blocks.getReadOnlyProperty();
    }

    /** Existing showtimes that clash: with the proposal (found here) or named by the server. */
    public ReadOnlyObjectProperty<Set<Long>> clashIdsProperty() {
        return clashIds.getReadOnlyProperty();
    }

    /** "3 showtimes to add" or what the form still lacks. */
    public ReadOnlyStringProperty proposalTextProperty() {
        return proposalText.getReadOnlyProperty();
    }

    /** Which existing showtimes the proposal clashes with, before saving; "" when none. */
    public ReadOnlyStringProperty clashTextProperty() {
        return clashText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WeekBlock> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The last cancellation's refunds and released holds. */
    public ReadOnlyStringProperty cancelSummaryProperty() {
        return cancelSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
