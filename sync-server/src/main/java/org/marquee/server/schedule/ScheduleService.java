package org.marquee.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marquee.model.AdminShowtime;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.ErrorCode;
import org.marquee.model.MovieInfo;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeries;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.TheaterSettings;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.cinema.Fields;
import org.marquee.server.cinema.ShowtimeChanges;
import org.marquee.server.cinema.persistence.AuditoriumStore;
import org.marquee.server.cinema.persistence.CinemaStore;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.schedule.persistence.ScheduleStore;

/**
 * The schedule (DESIGN §7.1): single showtimes and weekly series, all or none, and changes to a showtime. Two showtimes
 * of an auditorium may not overlap counting the movie's runtime and the theater's cleaning minutes; the auditorium's
 * row is locked while a slot is checked and taken, so that of two managers scheduling into one slot exactly one wins.
 */
public final class ScheduleService {

    /** The plan a showtime gets unless it names another (V2 migration). */
    static final long DEFAULT_PLAN = 1;

    static final int MAX_LIST_DAYS = 93;

    private final ScheduleStore store;
    private final AuditoriumStore auditoriums;
    private final CinemaStore cinema;
    private final AuditLog audit;
    private final ShowtimeChanges changes;

    public ScheduleService(
            ScheduleStore store,
            AuditoriumStore auditoriums,
            CinemaStore cinema,
            AuditLog audit,
            ShowtimeChanges changes) {
        this.store = store;
        this.auditoriums = auditoriums;
        this.cinema = cinema;
        this.audit = audit;
        this.changes = changes;
    }

    /** Showtimes from {@code from} to {@code to} (dates of the theater's zone, inclusive): today and 6 more by default. */
    public List<AdminShowtime> list(Long theaterId, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of("UTC");
        if (theaterId != null) {
            zone = ZoneId.of(theater(theaterId).timeZone());
        }
        LocalDate first = from != null ? from : to != null ? to.minusDays(6) : LocalDate.now(zone);
        LocalDate last = to != null ? to : first.plusDays(6);
        if (first.isAfter(last)) {
            throw MarqueeException.invalid("'from' (" + first + ") is after 'to' (" + last + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_LIST_DAYS) {
            throw MarqueeException.invalid("Ask for at most " + MAX_LIST_DAYS + " days at a time.");
        }
        return store.list(theaterId, first, last);
    }

    public AdminShowtime find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public AdminShowtime create(Principal caller, ShowtimeRequest request) {
        Fields.required(request, "body");
        long movieId = Fields.required(request.movieId(), "movieId");
        long auditoriumId = Fields.required(request.auditoriumId(), "auditoriumId");
        Instant start = Fields.required(request.startsAt(), "startsAt");
        String format = Fields.text(request.format(), "format", 20);
        inFuture(start, "startsAt");
        long plan = plan(request.pricePlanId());
        MovieInfo movie = movie(movieId);
        AuditoriumInfo auditorium = lockAuditorium(auditoriumId);
        checkFree(auditorium, List.of(start), movie.runtimeMinutes(), null);
        long id = store.insert(movieId, auditoriumId, List.of(start), format, plan)
                .getFirst();
        AdminShowtime created = find(id);
        audit.record(caller, "SHOWTIME_CREATED", "SHOWTIME", id, Map.of("showtime", created));
        changes.changed(id);
        return created;
    }

    public ShowtimeSeries createSeries(Principal caller, ShowtimeSeriesRequest request) {
        Fields.required(request, "body");
        long movieId = Fields.required(request.movieId(), "movieId");
        long auditoriumId = Fields.required(request.auditoriumId(), "auditoriumId");
        String format = Fields.text(request.format(), "format", 20);
        long plan = plan(request.pricePlanId());
        MovieInfo movie = movie(movieId);
        AuditoriumInfo auditorium = lockAuditorium(auditoriumId);
        TheaterSettings theater = theater(auditorium.theaterId());
        List<Instant> starts = SeriesPlan.starts(request, ZoneId.of(theater.timeZone()));
        inFuture(starts.getFirst(), "fromDate");
        int minutes = movie.runtimeMinutes() + theater.cleaningMinutes();
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i).isBefore(starts.get(i - 1).plus(minutes, ChronoUnit.MINUTES))) {
                throw MarqueeException.invalid("'times': showtimes of this series would overlap each other ("
                        + starts.get(i - 1) + " and " + starts.get(i) + "; " + minutes
                        + " minutes of runtime and cleaning each).");
            }
        }
        checkFree(auditorium, starts, movie.runtimeMinutes(), null);
        List<Long> ids = store.insert(movieId, auditoriumId, starts, format, plan);
        List<AdminShowtime> created = store.find(ids);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", request);
        details.put("showtimeIds", ids);
        audit.record(caller, "SHOWTIME_SERIES_CREATED", "AUDITORIUM", auditoriumId, details);
        ids.forEach(changes::changed);
        return new ShowtimeSeries(created);
    }

    /** Changes what the request gives; a move in time or room is refused while seats are sold or held. */
    public AdminShowtime update(Principal caller, long id, ShowtimeRequest request) {
        Fields.required(request, "body");
        long oldAuditorium = store.auditoriumOf(id).orElseThrow(() -> notFound(id));
        long newAuditorium = request.auditoriumId() == null ? oldAuditorium : request.auditoriumId();
        // auditoriums first, in id order, then the showtime: the order every schedule change and layout change takes
        AuditoriumInfo first = lockAuditorium(Math.min(oldAuditorium, newAuditorium));
        AuditoriumInfo second =
                oldAuditorium == newAuditorium ? first : lockAuditorium(Math.max(oldAuditorium, newAuditorium));
        AuditoriumInfo target = first.id() == newAuditorium ? first : second;
        ScheduleStore.Locked before = store.lock(id).orElseThrow(() -> notFound(id));
        if (before.auditoriumId() != oldAuditorium) {
            throw new MarqueeException(ErrorCode.CONFLICT, "This showtime was just moved; look at it again.");
        }
        if (before.status() != ShowtimeStatus.ON_SALE) {
            throw new MarqueeException(ErrorCode.CONFLICT, "This showtime is cancelled; schedule a new one instead.");
        }
        if (request.format() != null) {
            Fields.text(request.format(), "format", 20);
        }
        ScheduleStore.Locked after = new ScheduleStore.Locked(
                id,
                request.movieId() == null ? before.movieId() : request.movieId(),
                newAuditorium,
                request.startsAt() == null ? before.startsAt() : request.startsAt(),
                request.format() == null ? before.format() : request.format().strip(),
                request.pricePlanId() == null ? before.pricePlanId() : plan(request.pricePlanId()),
                before.status(),
                before.layout());
        MovieInfo movie = movie(after.movieId());
        boolean moved = !after.startsAt().equals(before.startsAt())
                || after.auditoriumId() != before.auditoriumId()
                || after.movieId() != before.movieId();
        if (moved) {
            int taken = store.taken(id);
            if (taken > 0) {
                throw new MarqueeException(
                        ErrorCode.SHOWTIME_HAS_SALES,
                        taken + " seats of this showtime are sold or held; it cannot move in time or to another"
                                + " auditorium, nor show another movie. Cancel it instead, which refunds them.",
                        Map.of("seatsTaken", taken));
            }
            if (!after.startsAt().equals(before.startsAt())) {
                inFuture(after.startsAt(), "startsAt");
            }
            checkFree(target, List.of(after.startsAt()), movie.runtimeMinutes(), id);
        }
        AdminShowtime was = find(id);
        store.update(after);
        if (after.auditoriumId() != before.auditoriumId()) {
            store.freeAll(id);
            auditoriums.relayout(id, target.layout(), target.seatCount());
        }
        AdminShowtime now = find(id);
        audit.record(caller, "SHOWTIME_UPDATED", "SHOWTIME", id, Map.of("before", was, "after", now));
        changes.changed(id);
        return now;
    }

    private void checkFree(AuditoriumInfo auditorium, List<Instant> starts, int runtime, Long exceptId) {
        int minutes = runtime + theater(auditorium.theaterId()).cleaningMinutes();
        List<Long> clashes = store.clashes(auditorium.id(), starts, minutes, exceptId);
        if (!clashes.isEmpty()) {
            throw new MarqueeException(
                    ErrorCode.SCHEDULE_CLASH,
                    "Auditorium " + auditorium.name() + " is busy then: showtime"
                            + (clashes.size() == 1 ? " " : "s ")
                            + String.join(
                                    ", ",
                                    clashes.stream()
                                            .limit(20)
                                            .map(String::valueOf)
                                            .toList())
                            + " with runtime and cleaning overlap" + (clashes.size() == 1 ? "s" : "") + " it.",
                    Map.of("showtimeIds", clashes));
        }
    }

    private static void inFuture(Instant start, String field) {
        if (!start.isAfter(Instant.now())) {
            throw MarqueeException.invalid("'" + field + "' must be in the future; " + start + " has passed.");
        }
    }

    private AuditoriumInfo lockAuditorium(long id) {
        return auditoriums.lock(id).orElseThrow(() -> MarqueeException.notFound("There is no auditorium " + id + "."));
    }

    private MovieInfo movie(long id) {
        return cinema.movie(id).orElseThrow(() -> MarqueeException.notFound("There is no movie " + id + "."));
    }

    private TheaterSettings theater(long id) {
        return cinema.theater(id).orElseThrow(() -> MarqueeException.notFound("There is no theater " + id + "."));
    }

    private long plan(Long id) {
        long plan = Objects.requireNonNullElse(id, DEFAULT_PLAN);
        if (!cinema.exists("price_plans", plan)) {
            throw MarqueeException.notFound("There is no price plan " + plan + ".");
        }
        return plan;
    }

    static MarqueeException notFound(long id) {
        return MarqueeException.notFound("There is no showtime " + id + ".");
    }
}
