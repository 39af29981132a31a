package org.marquee.kiosk.showtimes;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.ProblemTexts;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeStatus;

/**
 * State of the showtimes screen: theaters near this terminal's own theater, a week of days in the chosen theater's
 * time zone, and that day's showtimes grouped by movie. Choosing a showtime starts a sale and moves to the seat map.
 */
public final class ShowtimesViewModel {

    /** Days in the date strip: today and the six after. */
    public static final int DAYS = 7;

    private final ShowtimeSource source;
    private final Tasks tasks;
    private final Navigator navigator;
    private final SaleSession sale;
    private final Messages messages;
    private final Long homeTheaterId;
    private final Clock clock;

    private final ReadOnlyListWrapper<NearbyTheater> theaters =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<NearbyTheater> theater = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyListWrapper<DayOption> days = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<LocalDate> date = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyListWrapper<MovieShowtimes> movies =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");

    /** Grows with every request, so that a slow answer for a day no longer chosen is dropped. */
    private long request;

    public ShowtimesViewModel(
            ShowtimeSource source,
            Tasks tasks,
            Navigator navigator,
            SaleSession sale,
            Messages messages,
            Long homeTheaterId,
            Clock clock) {
        this.source = source;
        this.tasks = tasks;
        this.navigator = navigator;
        this.sale = sale;
        this.messages = messages;
        this.homeTheaterId = homeTheaterId;
        this.clock = clock;
    }

    /**
     * Reads the theaters, then the showtimes of the theater and day of the sale in progress, if any (coming back from
     * the seat map), else today's of the nearest theater.
     */
    public void load() {
        long mine = ++request;
        begin();
        tasks.run(
                () -> source.theatersNear(homeTheaterId),
                found -> {
                    if (mine != request) {
                        return;
                    }
                    theaters.setAll(found);
                    if (found.isEmpty()) {
                        finish(List.of(), "");
                        return;
                    }
                    Long chosen = sale.theaterIdProperty().get();
                    theater.set(found.stream()
                            .filter(t -> chosen != null && t.id() == chosen)
                            .findFirst()
                            .orElse(found.getFirst()));
                    rebuildDays(saleDayIndex());
                    loadShowtimes();
                },
                problem -> fail(mine, problem));
    }

    /** Shows the theaters again with fresh seat counts, keeping the theater and day chosen (or starting over). */
    public void refresh() {
        if (theater.get() == null) {
            load();
            return;
        }
        rebuildDays(dayIndex());
        loadShowtimes();
    }

    public void selectTheater(NearbyTheater chosen) {
        if (chosen == null || chosen.equals(theater.get())) {
            return;
        }
        int index = dayIndex();
        theater.set(chosen);
        rebuildDays(index);
        loadShowtimes();
    }

    public void selectDate(LocalDate chosen) {
        if (chosen == null || chosen.equals(date.get())) {
            return;
        }
        date.set(chosen);
        loadShowtimes();
    }

    /** Starts a sale of {@code choice} and moves to the seat map; false (and nothing happens) if it cannot be sold. */
    public boolean choose(ShowtimeChoice choice) {
        NearbyTheater current = theater.get();
        if (choice == null
                || current == null
                || !choice.selectable()
                || !choice.listing().startsAt().isAfter(now())) {
            return false;
        }
        sale.choose(current.id(), choice.listing());
        navigator.go(Screen.SEAT_MAP);
        return true;
    }

    /** Leaves for the pick-up of tickets bought online, at the counter or at another kiosk. */
    public void pickUp() {
        navigator.go(Screen.PICKUP);
    }

    /** The zone of the chosen theater, in which days and times are shown. */
    public ZoneId zone() {
        NearbyTheater current = theater.get();
        if (current != null && current.timeZone() != null) {
            try {
                return ZoneId.of(current.timeZone());
            } catch (DateTimeException e) {
                // an unknown zone in the catalog must not stop the sale: fall back to the terminal's own
            }
        }
        return clock.getZone();
    }

    /** A label for a theater in the picker: its name and how far it is ("Here" for this terminal's own). */
    public String theaterLabel(NearbyTheater nearby) {
        if (homeTheaterId != null && nearby.id() == homeTheaterId) {
            return messages.get("showtimes.theater.here", nearby.name());
        }
        if (nearby.distanceKm() == null) {
            return nearby.name();
        }
        return messages.get("showtimes.theater.distance", nearby.name(), nearby.distanceKm());
    }

    private void loadShowtimes() {
        NearbyTheater current = theater.get();
        LocalDate day = date.get();
        if (current == null || day == null) {
            return;
        }
        long mine = ++request;
        begin();
        tasks.run(
                () -> source.showtimes(current.id(), day),
                listings -> {
                    if (mine == request) {
                        finish(group(listings), messages.get("showtimes.none"));
                    }
                },
                problem -> fail(mine, problem));
    }

    private List<MovieShowtimes> group(List<ShowtimeListing> listings) {
        ZoneId zone = zone();
        DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.get("showtimes.time.pattern"), messages.locale());
        Instant now = now();
        Map<Long, List<ShowtimeListing>> byMovie = new LinkedHashMap<>();
        listings.stream()
                .sorted(Comparator.comparing((ShowtimeListing s) -> s.movie().title())
                        .thenComparing(ShowtimeListing::startsAt))
                .forEach(s -> byMovie.computeIfAbsent(s.movie().id(), id -> new ArrayList<>())
                        .add(s));
        List<MovieShowtimes> grouped = new ArrayList<>();
        for (List<ShowtimeListing> shows : byMovie.values()) {
            ShowtimeListing.MovieRef movie = shows.getFirst().movie();
            List<ShowtimeChoice> choices = shows.stream()
                    .map(s -> choice(s, time.format(s.startsAt().atZone(zone)), now))
                    .toList();
            String runtime =
                    messages.get("showtimes.runtime", movie.runtimeMinutes() / 60, movie.runtimeMinutes() % 60);
            grouped.add(new MovieShowtimes(movie.id(), movie.title(), movie.rating(), runtime, choices));
        }
        return grouped;
    }

    private ShowtimeChoice choice(ShowtimeListing listing, String time, Instant now) {
        boolean started = !listing.startsAt().isAfter(now);
        boolean soldOut = listing.seatsAvailable() == 0;
        String seats;
        if (listing.status() == ShowtimeStatus.CANCELLED) {
            seats = messages.get("showtimes.cancelled");
        } else if (started) {
            seats = messages.get("showtimes.started");
        } else if (soldOut) {
            seats = messages.get("showtimes.soldOut");
        } else if (listing.seatsAvailable() < 0) {
            seats = messages.get("showtimes.seatsUnknown"); // from the catalog cache, offline
        } else {
            seats = messages.get("showtimes.seatsLeft", listing.seatsAvailable());
        }
        String details = messages.get(
                "showtimes.details", listing.format(), listing.auditorium().name());
        return new ShowtimeChoice(listing, time, details, seats, started, soldOut);
    }

    private void rebuildDays(int selectedIndex) {
        LocalDate today = LocalDate.ofInstant(now(), zone());
        DateTimeFormatter weekday =
                DateTimeFormatter.ofPattern(messages.get("showtimes.day.pattern"), messages.locale());
        List<DayOption> week = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = today.plusDays(i);
            String label = switch (i) {
                case 0 -> messages.get("showtimes.today");
                case 1 -> messages.get("showtimes.tomorrow");
                default -> capitalized(weekday.format(day));
            };
            week.add(new DayOption(day, label));
        }
        days.setAll(week);
        date.set(week.get(Math.clamp(selectedIndex, 0, DAYS - 1)).date());
    }

    private int saleDayIndex() {
        ShowtimeListing chosen = sale.showtimeProperty().get();
        if (chosen == null) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now(), zone());
        long days = ChronoUnit.DAYS.between(today, LocalDate.ofInstant(chosen.startsAt(), zone()));
        return days >= 0 && days < DAYS ? (int) days : 0;
    }

    private int dayIndex() {
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).date().equals(date.get())) {
                return i;
            }
        }
        return 0;
    }

    private String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(messages.locale()) + text.substring(1);
    }

    private void begin() {
        loading.set(true);
        error.set("");
        placeholder.set(messages.get("showtimes.loading"));
    }

    private void finish(List<MovieShowtimes> grouped, String whenEmpty) {
        loading.set(false);
        movies.setAll(grouped);
        placeholder.set(grouped.isEmpty() ? whenEmpty : "");
    }

    private void fail(long mine, ApiProblem problem) {
        if (mine != request) {
            return;
        }
        loading.set(false);
        movies.clear();
        String text = ProblemTexts.of(problem, messages);
        error.set(text);
        placeholder.set(text);
    }

    private Instant now() {
        return clock.instant();
    }

    public ReadOnlyListProperty<NearbyTheater> theatersProperty() {
        return theaters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NearbyTheater> theaterProperty() {
        return theater.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<DayOption> daysProperty() {
        return days.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<MovieShowtimes> moviesProperty() {
        return movies.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The server's (or cache's) message when the last load failed, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What to show instead of showtimes: loading, none that day, or the error; empty when there are showtimes. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
