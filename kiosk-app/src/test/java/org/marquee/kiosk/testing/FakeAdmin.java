package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.SeatLedger.date;
import static org.marquee.kiosk.testing.SeatLedger.dayOf;
import static org.marquee.kiosk.testing.SeatLedger.invalid;
import static org.marquee.kiosk.testing.SeatLedger.notFound;
import static org.marquee.kiosk.testing.ShowtimeRecords.overlap;
import static org.marquee.kiosk.testing.ShowtimeRecords.with;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.AuditoriumAdmin;
import org.marquee.kiosk.client.ScheduleAdmin;
import org.marquee.model.AdminShowtime;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatType;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeries;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.ShowtimeStatus;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterSettings;
import org.marquee.model.TicketType;

/**
 * The admin API of DESIGN §7.1 in memory, for the layout editor's and the schedule's tests: auditoriums whose layouts
 * go through the shared parser (422 {@code INVALID_LAYOUT} with its message), {@code LAYOUT_IN_USE} naming the seats
 * sold or held for showtimes not yet started, showtimes and all-or-none series in the theater's zone with
 * {@code SCHEDULE_CLASH} naming the existing showtimes ({@code [startsAt, startsAt + runtime + cleaning)} overlap), and
 * cancellation with its refund summary (a paid order marked to fail its refund is listed, not hidden).
 */
public final class FakeAdmin implements AuditoriumAdmin, ScheduleAdmin {

    private final Clock clock;
    private final Map<Long, TheaterSettings> theaters = new LinkedHashMap<>();
    private final Map<Long, MovieInfo> movies = new LinkedHashMap<>();
    private final Map<Long, PricePlan> plans = new LinkedHashMap<>();
    private final Map<Long, AuditoriumInfo> auditoriums = new LinkedHashMap<>();
    private final Map<Long, AdminShowtime> showtimes = new LinkedHashMap<>();
    private final SeatLedger ledger = new SeatLedger();
    private long nextId = 1;
    private int writes;

    public FakeAdmin(Clock clock) {
        this.clock = clock;
    }

    /** A cinema in Madrid (cleaning 20 minutes) with two films, a price plan and a 6 × 10 hall. */
    public static FakeAdmin madrid(Clock clock) {
        FakeAdmin admin = new FakeAdmin(clock);
        admin.addTheater("Marquee Gran Vía", "Europe/Madrid", 20);
        admin.addMovie("The Long Voyage", 120);
        admin.addMovie("Paper Moons", 95);
        admin.addPlan("Standard");
        return admin;
    }

    public synchronized long addTheater(String name, String zone, int cleaningMinutes) {
        long id = nextId++;
        theaters.put(
                id,
                new TheaterSettings(
                        id, name, "Gran Vía 1", 40.42, -3.70, zone, cleaningMinutes, SingleSeatRule.KIOSK, 30));
        return id;
    }

    public synchronized long addMovie(String title, int runtimeMinutes) {
        long id = nextId++;
        movies.put(id, new MovieInfo(id, title, runtimeMinutes, "12", List.of("Drama"), "", null));
        return id;
    }

    public synchronized long addPlan(String name) {
        long id = nextId++;
        plans.put(id, new PricePlan(id, name, "EUR", Map.of(TicketType.ADULT, 950L), Map.of(SeatType.PREMIUM, 200L)));
        return id;
    }

    public synchronized long addAuditorium(long theaterId, String name, List<String> rows) {
        return createAuditorium(new AuditoriumRequest(theaterId, name, rows)).id();
    }

    public synchronized long addShowtime(long movieId, long auditoriumId, Instant startsAt) {
        return createShowtime(new ShowtimeRequest(movieId, auditoriumId, startsAt, "2D", null))
                .id();
    }

    /** A paid order of {@code seatIds}; its refund fails when {@code refundFails} (a card the provider refuses). */
    public synchronized UUID sell(long showtimeId, boolean refundFails, String... seatIds) {
        return ledger.sell(showtimeId, refundFails, seatIds);
    }

    /** A live hold of {@code seatIds} by some terminal. */
    public synchronized void hold(long showtimeId, String... seatIds) {
        ledger.hold(showtimeId, seatIds);
    }

    public synchronized TheaterSettings theater() {
        return theaters.values().iterator().next();
    }

    public synchronized List<MovieInfo> movieList() {
        return List.copyOf(movies.values());
    }

    public synchronized AuditoriumInfo auditorium(long id) {
        return auditoriums.get(id);
    }

    public synchronized AdminShowtime showtime(long id) {
        return showtimes.get(id);
    }

    public synchronized List<AdminShowtime> allShowtimes() {
        return List.copyOf(showtimes.values());
    }

    /** How many changes were accepted: a refused request changes nothing. */
    public synchronized int writes() {
        return writes;
    }

    // ---- auditoriums ----

    @Override
    public synchronized List<AuditoriumInfo> auditoriums(long theaterId) {
        theaterOf(theaterId);
        return auditoriums.values().stream()
                .filter(a -> a.theaterId() == theaterId)
                .sorted(Comparator.comparing(AuditoriumInfo::name))
                .toList();
    }

    @Override
    public synchronized AuditoriumInfo createAuditorium(AuditoriumRequest request) {
        if (request.theaterId() == null) {
            throw invalid("theaterId is required");
        }
        theaterOf(request.theaterId());
        SeatLayout layout = checked(request);
        long id = nextId++;
        AuditoriumInfo info = new AuditoriumInfo(
                id,
                request.theaterId(),
                request.name().strip(),
                layout.rows(),
                layout.seats().size());
        auditoriums.put(id, info);
        writes++;
        return info;
    }

    @Override
    public synchronized AuditoriumInfo updateAuditorium(long auditoriumId, AuditoriumRequest request) {
        AuditoriumInfo current = auditoriums.get(auditoriumId);
        if (current == null) {
            throw notFound("auditorium " + auditoriumId);
        }
        SeatLayout layout = checked(request);
        Set<String> kept = new TreeSet<>();
        layout.seats().forEach(seat -> kept.add(seat.id()));
        Set<String> blocking = new TreeSet<>();
        Instant now = clock.instant();
        for (AdminShowtime showtime : showtimes.values()) {
            if (showtime.auditorium().id() != auditoriumId
                    || showtime.status() != ShowtimeStatus.ON_SALE
                    || !showtime.startsAt().isAfter(now)) {
                continue;
            }
            for (String seat : ledger.takenSeats(showtime.id())) {
                if (!kept.contains(seat)) {
                    blocking.add(seat);
                }
            }
        }
        if (!blocking.isEmpty()) {
            throw new ApiProblem(
                    409,
                    ErrorCode.LAYOUT_IN_USE,
                    "The new layout lacks seats that are sold or held for showtimes still to come: "
                            + String.join(", ", blocking),
                    Map.of("seatIds", List.copyOf(blocking)));
        }
        AuditoriumInfo info = new AuditoriumInfo(
                auditoriumId,
                current.theaterId(),
                request.name().strip(),
                layout.rows(),
                layout.seats().size());
        auditoriums.put(auditoriumId, info);
        writes++;
        return info;
    }

    private static SeatLayout checked(AuditoriumRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw invalid("name must not be empty");
        }
        try {
            return SeatLayout.parse(request.layout());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(422, ErrorCode.INVALID_LAYOUT, e.getMessage(), Map.of());
        }
    }

    // ---- schedule ----

    @Override
    public synchronized List<TheaterSettings> adminTheaters() {
        return List.copyOf(theaters.values());
    }

    @Override
    public synchronized List<MovieInfo> movies() {
        return List.copyOf(movies.values());
    }

    @Override
    public synchronized List<PricePlan> pricePlans() {
        return List.copyOf(plans.values());
    }

    @Override
    public synchronized List<AdminShowtime> adminShowtimes(long theaterId, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(theaterOf(theaterId).timeZone());
        return showtimes.values().stream()
                .filter(s -> s.theaterId() == theaterId)
                .filter(s -> {
                    LocalDate day = s.startsAt().atZone(zone).toLocalDate();
                    return !day.isBefore(from) && !day.isAfter(to);
                })
                .sorted(Comparator.comparing(AdminShowtime::startsAt))
                .map(s -> s.status() == ShowtimeStatus.CANCELLED
                        ? s
                        : with(s, s.status(), ledger.soldSeats(s.id()), ledger.heldSeats(s.id())))
                .toList();
    }

    @Override
    public synchronized AdminShowtime createShowtime(ShowtimeRequest request) {
        if (request.startsAt() == null) {
            throw invalid("startsAt is required");
        }
        AdminShowtime showtime = draft(
                request.movieId(), request.auditoriumId(), request.startsAt(), request.format(), request.pricePlanId());
        refuseClashes(List.of(showtime));
        return store(showtime);
    }

    @Override
    public synchronized ShowtimeSeries createSeries(ShowtimeSeriesRequest request) {
        LocalDate from = date("fromDate", request.fromDate());
        LocalDate to = date("toDate", request.toDate());
        if (from.isAfter(to)) {
            throw invalid("fromDate must not be after toDate");
        }
        if (request.daysOfWeek() == null || request.daysOfWeek().isEmpty()) {
            throw invalid("daysOfWeek must name at least one day");
        }
        if (request.times() == null || request.times().isEmpty()) {
            throw invalid("times must name at least one time");
        }
        Set<DayOfWeek> days = new TreeSet<>();
        for (String day : request.daysOfWeek()) {
            days.add(dayOf(day));
        }
        List<LocalTime> times = new ArrayList<>();
        for (String time : request.times()) {
            try {
                times.add(LocalTime.parse(time));
            } catch (DateTimeParseException | NullPointerException e) {
                throw invalid("times: '" + time + "' is not a time like 19:00");
            }
        }
        if (request.auditoriumId() == null || !auditoriums.containsKey(request.auditoriumId())) {
            throw notFound("auditorium " + request.auditoriumId());
        }
        AuditoriumInfo auditorium = auditoriums.get(request.auditoriumId());
        ZoneId zone = ZoneId.of(theaterOf(auditorium.theaterId()).timeZone());
        List<AdminShowtime> created = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            for (LocalTime time : times) {
                Instant start = day.atTime(time).atZone(zone).toInstant();
                created.add(draft(
                        request.movieId(), request.auditoriumId(), start, request.format(), request.pricePlanId()));
            }
        }
        if (created.isEmpty()) {
            throw invalid("the series has no showtime: no chosen day falls between fromDate and toDate");
        }
        for (int i = 0; i < created.size(); i++) {
            for (int j = i + 1; j < created.size(); j++) {
                if (overlap(created.get(i), created.get(j))) {
                    throw invalid("times: showtimes of the series overlap each other");
                }
            }
        }
        refuseClashes(created);
        List<AdminShowtime> stored = new ArrayList<>();
        created.stream().sorted(Comparator.comparing(AdminShowtime::startsAt)).forEach(s -> stored.add(store(s)));
        return new ShowtimeSeries(stored);
    }

    @Override
    public synchronized ShowtimeCancellation cancelShowtime(long showtimeId, String reason) {
        AdminShowtime showtime = showtimes.get(showtimeId);
        if (showtime == null) {
            throw notFound("showtime " + showtimeId);
        }
        if (reason == null || reason.isBlank()) {
            throw invalid("reason must not be empty");
        }
        if (showtime.status() == ShowtimeStatus.CANCELLED) {
            throw new ApiProblem(409, ErrorCode.SHOWTIME_NOT_ON_SALE, "This showtime is already cancelled.", Map.of());
        }
        SeatLedger.Ended ended = ledger.end(showtimeId);
        showtimes.put(showtimeId, with(showtime, ShowtimeStatus.CANCELLED, 0, 0));
        writes++;
        return new ShowtimeCancellation(
                showtimeId, ShowtimeStatus.CANCELLED, ended.refunded(), ended.failedRefunds(), ended.releasedHolds());
    }

    private AdminShowtime draft(Long movieId, Long auditoriumId, Instant startsAt, String format, Long planId) {
        MovieInfo movie = movieId == null ? null : movies.get(movieId);
        if (movie == null) {
            throw notFound("movie " + movieId);
        }
        AuditoriumInfo auditorium = auditoriumId == null ? null : auditoriums.get(auditoriumId);
        if (auditorium == null) {
            throw notFound("auditorium " + auditoriumId);
        }
        if (format == null || format.isBlank()) {
            throw invalid("format must not be empty");
        }
        PricePlan plan = planId == null ? plans.values().iterator().next() : plans.get(planId);
        if (plan == null) {
            throw notFound("price plan " + planId);
        }
        TheaterSettings theater = theaterOf(auditorium.theaterId());
        Instant endsAt = startsAt.plus(Duration.ofMinutes(movie.runtimeMinutes() + theater.cleaningMinutes()));
        return new AdminShowtime(
                0,
                theater.id(),
                new AdminShowtime.MovieRef(movie.id(), movie.title(), movie.runtimeMinutes()),
                new AdminShowtime.AuditoriumRef(auditorium.id(), auditorium.name()),
                new AdminShowtime.PlanRef(plan.id(), plan.name()),
                startsAt,
                endsAt,
                format.strip(),
                ShowtimeStatus.ON_SALE,
                auditorium.seatCount(),
                0,
                0);
    }

    private void refuseClashes(List<AdminShowtime> wanted) {
        Set<Long> clashing = new TreeSet<>();
        for (AdminShowtime existing : showtimes.values()) {
            if (existing.status() == ShowtimeStatus.CANCELLED) {
                continue;
            }
            for (AdminShowtime next : wanted) {
                if (existing.auditorium().id() == next.auditorium().id() && overlap(existing, next)) {
                    clashing.add(existing.id());
                }
            }
        }
        if (!clashing.isEmpty()) {
            throw new ApiProblem(
                    409,
                    ErrorCode.SCHEDULE_CLASH,
                    "The auditorium is not free then: it clashes with " + clashing.size() + " showtime(s).",
                    Map.of("showtimeIds", List.copyOf(clashing)));
        }
    }

    private AdminShowtime store(AdminShowtime showtime) {
        long id = nextId++;
        AdminShowtime stored = ShowtimeRecords.withId(showtime, id);
        showtimes.put(id, stored);
        writes++;
        return stored;
    }

    private TheaterSettings theaterOf(long theaterId) {
        TheaterSettings theater = theaters.get(theaterId);
        if (theater == null) {
            throw notFound("theater " + theaterId);
        }
        try {
            ZoneId.of(theater.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalStateException(e);
        }
        return theater;
    }

    /** Seat definitions of an auditorium's current layout, for tests that sell a seat by position. */
    public synchronized List<SeatDefinition> seatsOf(long auditoriumId) {
        return SeatLayout.parse(auditoriums.get(auditoriumId).layout()).seats();
    }
}
