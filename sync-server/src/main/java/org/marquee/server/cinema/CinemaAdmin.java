package org.marquee.server.cinema;

import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marquee.model.ErrorCode;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;
import org.marquee.model.TicketType;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.cinema.persistence.CinemaStore;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;

/**
 * Theaters, movies and price plans as managers set them up (DESIGN §7.1): checked, written and audited in the caller's
 * unit of work. Orders read a showtime's plan when they are made, so a plan's change applies to orders made after it.
 */
public final class CinemaAdmin {

    /** Far above any real ticket: 100,000.00 in minor units. */
    static final long MAX_PRICE_MINOR = 10_000_000;

    private final CinemaStore store;
    private final AuditLog audit;

    public CinemaAdmin(CinemaStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    // --- theaters ---------------------------------------------------------------------------------------------

    public List<TheaterSettings> theaters() {
        return store.theaters();
    }

    public TheaterSettings theater(long id) {
        return store.theater(id).orElseThrow(() -> MarqueeException.notFound("There is no theater " + id + "."));
    }

    public TheaterSettings createTheater(Principal caller, TheaterRequest request) {
        TheaterSettings saved = store.saveTheater(checked(null, Fields.required(request, "body"), null), true);
        audit.record(caller, "THEATER_CREATED", "THEATER", saved.id(), Map.of("theater", saved));
        return saved;
    }

    public TheaterSettings updateTheater(Principal caller, long id, TheaterRequest request) {
        TheaterSettings before = theater(id);
        TheaterSettings saved = store.saveTheater(checked(id, Fields.required(request, "body"), before), false);
        audit.record(caller, "THEATER_UPDATED", "THEATER", id, Map.of("before", before, "after", saved));
        return saved;
    }

    private TheaterSettings checked(Long id, TheaterRequest r, TheaterSettings before) {
        String name = Fields.text(r.name(), "name", 200);
        String address = Fields.text(r.address(), "address", 500);
        double lat = Fields.coordinate(r.lat(), "lat", -90, 90);
        double lon = Fields.coordinate(r.lon(), "lon", -180, 180);
        String zone = Fields.timeZone(r.timeZone(), "timeZone");
        int cleaning = Fields.range(
                r.cleaningMinutes(), "cleaningMinutes", 0, 240, before == null ? 20 : before.cleaningMinutes());
        SingleSeatRule rule = r.singleSeatRule() != null
                ? r.singleSeatRule()
                : before == null ? SingleSeatRule.KIOSK : before.singleSeatRule();
        int release = Fields.range(
                r.accessibleReleaseMinutes(),
                "accessibleReleaseMinutes",
                0,
                1440,
                before == null ? 30 : before.accessibleReleaseMinutes());
        if (store.theaterNameTaken(name, id)) {
            throw duplicate("A theater named '" + name + "' already exists; give this one another name.");
        }
        return new TheaterSettings(id == null ? 0 : id, name, address, lat, lon, zone, cleaning, rule, release);
    }

    // --- movies -----------------------------------------------------------------------------------------------

    public List<MovieInfo> movies() {
        return store.movies();
    }

    public MovieInfo movie(long id) {
        return store.movie(id).orElseThrow(() -> MarqueeException.notFound("There is no movie " + id + "."));
    }

    public MovieInfo createMovie(Principal caller, MovieRequest request) {
        MovieInfo saved = store.saveMovie(checked(0, Fields.required(request, "body")), true);
        audit.record(caller, "MOVIE_CREATED", "MOVIE", saved.id(), Map.of("movie", saved));
        return saved;
    }

    public MovieInfo updateMovie(Principal caller, long id, MovieRequest request) {
        MovieInfo before = movie(id);
        MovieInfo saved = store.saveMovie(checked(id, Fields.required(request, "body")), false);
        audit.record(caller, "MOVIE_UPDATED", "MOVIE", id, Map.of("before", before, "after", saved));
        return saved;
    }

    private static MovieInfo checked(long id, MovieRequest r) {
        String title = Fields.text(r.title(), "title", 200);
        int runtime = Fields.range(Fields.required(r.runtimeMinutes(), "runtimeMinutes"), "runtimeMinutes", 1, 600, 0);
        String rating = Fields.text(r.rating(), "rating", 20);
        List<String> genres = new ArrayList<>();
        for (String genre : r.genres() == null ? List.<String>of() : r.genres()) {
            genres.add(Fields.text(genre, "genres", 50));
        }
        if (genres.size() > 10) {
            throw MarqueeException.invalid("'genres' has at most 10 entries.");
        }
        String synopsis = r.synopsis() == null ? "" : r.synopsis().strip();
        if (synopsis.length() > 5000) {
            throw MarqueeException.invalid("'synopsis' is at most 5000 characters long.");
        }
        String poster = r.posterUrl() == null || r.posterUrl().isBlank()
                ? null
                : posterUrl(r.posterUrl().strip());
        return new MovieInfo(id, title, runtime, rating, genres, synopsis, poster);
    }

    private static String posterUrl(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && text.length() <= 2000) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // falls through to the refusal
        }
        throw MarqueeException.invalid("'posterUrl' must be an http or https address.");
    }

    // --- price plans ------------------------------------------------------------------------------------------

    public List<PricePlan> pricePlans() {
        return store.pricePlans();
    }

    public PricePlan pricePlan(long id) {
        return store.pricePlan(id).orElseThrow(() -> MarqueeException.notFound("There is no price plan " + id + "."));
    }

    public PricePlan createPricePlan(Principal caller, PricePlan request) {
        PricePlan saved = store.savePlan(checked(null, Fields.required(request, "body")), true);
        audit.record(caller, "PRICE_PLAN_CREATED", "PRICE_PLAN", saved.id(), Map.of("plan", saved));
        return saved;
    }

    public PricePlan updatePricePlan(Principal caller, long id, PricePlan request) {
        PricePlan before = pricePlan(id);
        PricePlan saved = store.savePlan(checked(id, Fields.required(request, "body")), false);
        audit.record(caller, "PRICE_PLAN_UPDATED", "PRICE_PLAN", id, Map.of("before", before, "after", saved));
        return saved;
    }

    private PricePlan checked(Long id, PricePlan p) {
        String name = Fields.text(p.name(), "name", 100);
        String currency = currency(p.currency());
        Map<TicketType, Long> tickets = new EnumMap<>(TicketType.class);
        tickets.putAll(amounts(p.ticketPrices(), "ticketPrices"));
        if (tickets.isEmpty()) {
            throw MarqueeException.invalid(
                    "'ticketPrices' needs a price for at least one ticket type (ADULT, CHILD," + " SENIOR).");
        }
        Map<SeatType, Long> surcharges = new EnumMap<>(SeatType.class);
        surcharges.putAll(amounts(p.seatSurcharges(), "seatSurcharges"));
        if (store.planNameTaken(name, id)) {
            throw duplicate("A price plan named '" + name + "' already exists; give this one another name.");
        }
        return new PricePlan(id, name, currency, tickets, surcharges);
    }

    private static String currency(String code) {
        String text = Fields.text(code, "currency", 3);
        try {
            if (text.equals(text.toUpperCase(Locale.ROOT)) && text.length() == 3) {
                return Currency.getInstance(text).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw MarqueeException.invalid(
                "'currency' must be an ISO 4217 code such as EUR; '" + Fields.shorten(text) + "' is not one.");
    }

    private static <K> Map<K, Long> amounts(Map<K, Long> given, String field) {
        Map<K, Long> checked = new LinkedHashMap<>();
        if (given == null) {
            return checked;
        }
        for (Map.Entry<K, Long> entry : given.entrySet()) {
            if (entry.getKey() == null) {
                throw MarqueeException.invalid("'" + field + "' names an unknown type.");
            }
            Long amount = entry.getValue();
            if (amount == null || amount < 0 || amount > MAX_PRICE_MINOR) {
                throw MarqueeException.invalid("'" + field + "." + entry.getKey() + "' must be from 0 to "
                        + MAX_PRICE_MINOR + " (minor units); " + amount + " is not.");
            }
            checked.put(entry.getKey(), amount);
        }
        return checked;
    }

    static MarqueeException duplicate(String message) {
        return new MarqueeException(ErrorCode.CONFLICT, message);
    }
}
