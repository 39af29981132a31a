package org.marquee.kiosk.testing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marquee.kiosk.client.MovieAdmin;
import org.marquee.kiosk.client.PricePlanAdmin;
import org.marquee.kiosk.client.TheaterAdmin;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;
import org.marquee.model.TicketType;

/**
 * Theaters, movies and price plans as {@code /admin/theaters}, {@code /admin/movies} and {@code /admin/price-plans}
 * answer (DESIGN §7.1): the defaults (20 cleaning minutes, KIOSK, 30), a wrong value refused with 422
 * INVALID_REQUEST naming the field and nothing changed, an unknown id 404, every change written to the audit trail.
 */
public final class FakeCinemaAdmin implements TheaterAdmin, MovieAdmin, PricePlanAdmin {

    private final FakeAuditTrail audit;
    private final Map<Long, TheaterSettings> theaters = new LinkedHashMap<>();
    private final Map<Long, MovieInfo> movies = new LinkedHashMap<>();
    private final Map<Long, PricePlan> plans = new LinkedHashMap<>();
    private long nextId = 1;

    public FakeCinemaAdmin(FakeAuditTrail audit) {
        this.audit = audit;
    }

    /** The demo's three theaters, two movies and the standard price plan. */
    public static FakeCinemaAdmin demo(FakeAuditTrail audit) {
        FakeCinemaAdmin admin = new FakeCinemaAdmin(audit);
        admin.createTheater(new TheaterRequest(
                "Cine Sol", "Calle del Sol 1, Madrid", 40.4168, -3.7038, "Europe/Madrid", null, null, null));
        admin.createTheater(new TheaterRequest(
                "Cine Luna",
                "Avenida de la Luna 22, Madrid",
                40.4378,
                -3.6795,
                "Europe/Madrid",
                25,
                SingleSeatRule.ALL,
                45));
        admin.createMovie(new MovieRequest(
                "The Long Night",
                128,
                "PG-13",
                List.of("Drama", "Thriller"),
                "A city without power, one night long.",
                null));
        admin.createMovie(new MovieRequest("Paper Boats", 94, "G", List.of("Family"), "Two kids and a river.", null));
        admin.createPricePlan(new PricePlan(
                null,
                "Standard",
                "EUR",
                Map.of(TicketType.ADULT, 950L, TicketType.CHILD, 650L, TicketType.SENIOR, 700L),
                Map.of(SeatType.PREMIUM, 200L)));
        return admin;
    }

    @Override
    public synchronized List<TheaterSettings> theaters() {
        return List.copyOf(theaters.values());
    }

    @Override
    public synchronized TheaterSettings createTheater(TheaterRequest request) {
        TheaterSettings theater = theater(nextId, request);
        theaters.put(nextId++, theater);
        audit.record("THEATER_CREATED", "theater", theater.id(), Map.of("name", theater.name()));
        return theater;
    }

    @Override
    public synchronized TheaterSettings updateTheater(long id, TheaterRequest request) {
        if (!theaters.containsKey(id)) {
            throw Refusals.notFound("Theater " + id);
        }
        TheaterSettings theater = theater(id, request);
        theaters.put(id, theater);
        audit.record("THEATER_UPDATED", "theater", id, Map.of("name", theater.name()));
        return theater;
    }

    private static TheaterSettings theater(long id, TheaterRequest request) {
        String name = required("name", request.name());
        String address = required("address", request.address());
        double lat = between("lat", request.lat(), -90, 90);
        double lon = between("lon", request.lon(), -180, 180);
        String zone = required("timeZone", request.timeZone());
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Refusals.invalid("timeZone", "'timeZone' must be a time zone such as Europe/Madrid.");
        }
        int cleaning = request.cleaningMinutes() == null
                ? 20
                : (int) between("cleaningMinutes", request.cleaningMinutes().doubleValue(), 0, 240);
        int release = request.accessibleReleaseMinutes() == null
                ? 30
                : (int) between(
                        "accessibleReleaseMinutes",
                        request.accessibleReleaseMinutes().doubleValue(),
                        0,
                        1440);
        SingleSeatRule rule = request.singleSeatRule() == null ? SingleSeatRule.KIOSK : request.singleSeatRule();
        return new TheaterSettings(id, name, address, lat, lon, zone, cleaning, rule, release);
    }

    @Override
    public synchronized List<MovieInfo> movies() {
        return List.copyOf(movies.values());
    }

    @Override
    public synchronized MovieInfo createMovie(MovieRequest request) {
        MovieInfo movie = movie(nextId, request);
        movies.put(nextId++, movie);
        audit.record("MOVIE_CREATED", "movie", movie.id(), Map.of("title", movie.title()));
        return movie;
    }

    @Override
    public synchronized MovieInfo updateMovie(long id, MovieRequest request) {
        if (!movies.containsKey(id)) {
            throw Refusals.notFound("Movie " + id);
        }
        MovieInfo movie = movie(id, request);
        movies.put(id, movie);
        audit.record("MOVIE_UPDATED", "movie", id, Map.of("title", movie.title()));
        return movie;
    }

    private static MovieInfo movie(long id, MovieRequest request) {
        String title = required("title", request.title());
        int runtime = (int) between(
                "runtimeMinutes",
                request.runtimeMinutes() == null
                        ? null
                        : request.runtimeMinutes().doubleValue(),
                1,
                600);
        String rating = required("rating", request.rating());
        if (request.posterUrl() != null && !request.posterUrl().matches("https?://\\S+")) {
            throw Refusals.invalid("posterUrl", "'posterUrl' must be an http or https address.");
        }
        return new MovieInfo(
                id,
                title,
                runtime,
                rating,
                request.genres() == null ? List.of() : request.genres(),
                request.synopsis() == null ? "" : request.synopsis(),
                request.posterUrl());
    }

    @Override
    public synchronized List<PricePlan> pricePlans() {
        return List.copyOf(plans.values());
    }

    @Override
    public synchronized PricePlan createPricePlan(PricePlan plan) {
        PricePlan saved = plan(nextId, plan);
        plans.put(nextId++, saved);
        audit.record("PRICE_PLAN_CREATED", "price_plan", saved.id(), Map.of("name", saved.name()));
        return saved;
    }

    @Override
    public synchronized PricePlan updatePricePlan(long id, PricePlan plan) {
        if (!plans.containsKey(id)) {
            throw Refusals.notFound("Price plan " + id);
        }
        PricePlan saved = plan(id, plan);
        plans.put(id, saved);
        audit.record("PRICE_PLAN_UPDATED", "price_plan", id, Map.of("name", saved.name()));
        return saved;
    }

    private static PricePlan plan(long id, PricePlan plan) {
        String name = required("name", plan.name());
        String currency = required("currency", plan.currency());
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw Refusals.invalid("currency", "'currency' must be an ISO 4217 code such as EUR.");
        }
        Map<TicketType, Long> prices = plan.ticketPrices() == null ? Map.of() : plan.ticketPrices();
        for (TicketType type : TicketType.values()) {
            Long price = prices.get(type);
            if (price == null || price < 0) {
                throw Refusals.invalid(
                        "ticketPrices." + type, "'ticketPrices." + type + "' must be a price of 0 or more.");
            }
        }
        Map<SeatType, Long> surcharges = plan.seatSurcharges() == null ? Map.of() : plan.seatSurcharges();
        surcharges.forEach((type, amount) -> {
            if (amount == null || amount < 0) {
                throw Refusals.invalid("seatSurcharges." + type, "'seatSurcharges." + type + "' must be 0 or more.");
            }
        });
        return new PricePlan(id, name, currency, Map.copyOf(prices), Map.copyOf(surcharges));
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusals.invalid(field, "'" + field + "' must not be empty.");
        }
        return value.strip();
    }

    private static double between(String field, Double value, double min, double max) {
        if (value == null || value < min || value > max) {
            throw Refusals.invalid(field, "'" + field + "' must be between " + fmt(min) + " and " + fmt(max) + ".");
        }
        return value;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** For a test that no refused request changed anything. */
    public synchronized List<Object> everything() {
        List<Object> all = new ArrayList<>(theaters.values());
        all.addAll(movies.values());
        all.addAll(plans.values());
        return all;
    }
}
