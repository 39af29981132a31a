package org.marquee.kiosk.showtimes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.FakeCatalog;
import org.marquee.kiosk.testing.SerialUi;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;

/** The showtimes view-model against the demo catalog in memory (FakeCatalog, the server's demo data and API contract), without the FX toolkit. */
class ShowtimesViewModelTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static final FakeBoxOffice office = new FakeBoxOffice();
    private static final FakeCatalog catalog = new FakeCatalog(office);
    private static final FakeBoxOffice.Terminal client = office.terminal();

    private final SaleSession sale = new SaleSession(client, new Tasks(UiThread.DIRECT));
    private final Navigator navigator = new Navigator();

    /** Today at 16:00 in Madrid: the 12:30 and 15:45 showtimes of the demo have started, 19:00 and 22:15 not. */
    private static Clock todayAt1600() {
        return Clock.fixed(
                LocalDate.now(MADRID).atTime(LocalTime.of(16, 0)).atZone(MADRID).toInstant(), MADRID);
    }

    private ShowtimesViewModel model(Locale locale, Long home) {
        return new ShowtimesViewModel(
                catalog, new Tasks(UiThread.DIRECT), navigator, sale, new Messages(locale), home, todayAt1600());
    }

    private static void loaded(ShowtimesViewModel model) {
        await().atMost(10, SECONDS)
                .until(() -> !model.loadingProperty().get()
                        && !model.moviesProperty().isEmpty());
    }

    @Test
    void listsNearbyTheatersFromTheTerminalsOwnOutwards() {
        ShowtimesViewModel model = model(Locale.ENGLISH, 1L);
        model.load();
        loaded(model);

        assertThat(model.theatersProperty())
                .extracting(NearbyTheater::name)
                .containsExactly("Marquee Gran Vía", "Marquee Chamberí", "Marquee Retiro");
        assertThat(model.theatersProperty())
                .extracting(NearbyTheater::distanceKm)
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(model.theaterProperty().get().id()).isEqualTo(1);
        assertThat(model.theaterLabel(model.theatersProperty().get(0))).isEqualTo("Marquee Gran Vía (here)");
        assertThat(model.theaterLabel(model.theatersProperty().get(1))).isEqualTo("Marquee Chamberí (1.4 km)");
    }

    @Test
    void aWeekOfDaysInTheTheatersZone() {
        ShowtimesViewModel model = model(Locale.ENGLISH, 1L);
        model.load();
        loaded(model);

        LocalDate today = LocalDate.now(MADRID);
        assertThat(model.daysProperty())
                .extracting(DayOption::date)
                .containsExactlyElementsOf(
                        IntStream.range(0, 7).mapToObj(today::plusDays).toList());
        DateTimeFormatter weekday = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);
        assertThat(model.daysProperty())
                .extracting(DayOption::label)
                .startsWith("Today", "Tomorrow", weekday.format(today.plusDays(2)))
                .endsWith(weekday.format(today.plusDays(6)));
        assertThat(model.dateProperty().get()).isEqualTo(today);

        ShowtimesViewModel spanish = model(Locale.of("es"), 1L);
        spanish.load();
        loaded(spanish);
        assertThat(spanish.daysProperty()).extracting(DayOption::label).startsWith("Hoy", "Mañana");
    }

    @Test
    void groupsTheDaysShowtimesByMovieAndDisablesThoseThatStarted() {
        ShowtimesViewModel model = model(Locale.ENGLISH, 1L);
        model.load();
        loaded(model);

        List<ShowtimeListing> expected = catalog.showtimes(1, LocalDate.now(MADRID));
        List<MovieShowtimes> movies = model.moviesProperty();
        assertThat(movies).extracting(MovieShowtimes::title).isSorted().doesNotHaveDuplicates();
        assertThat(movies.stream().mapToInt(m -> m.showtimes().size()).sum()).isEqualTo(expected.size());
        for (MovieShowtimes movie : movies) {
            assertThat(movie.showtimes()).allMatch(c -> c.listing().movie().id() == movie.movieId());
            assertThat(movie.showtimes())
                    .extracting(c -> c.listing().startsAt())
                    .isSorted();
            ShowtimeListing.MovieRef ref =
                    movie.showtimes().getFirst().listing().movie();
            assertThat(movie.rating()).isEqualTo(ref.rating());
            assertThat(movie.runtime())
                    .isEqualTo(ref.runtimeMinutes() / 60 + " h " + ref.runtimeMinutes() % 60 + " min");
        }
        List<ShowtimeChoice> all = new ArrayList<>();
        movies.forEach(m -> all.addAll(m.showtimes()));
        assertThat(all)
                .filteredOn(c -> c.time().equals("12:30") || c.time().equals("15:45"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.started()).isTrue();
                    assertThat(c.selectable()).isFalse();
                    assertThat(c.seatsText()).isEqualTo("Started");
                });
        assertThat(all)
                .filteredOn(c -> c.time().equals("19:00") || c.time().equals("22:15"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.selectable()).isTrue();
                    assertThat(c.seatsText()).isEqualTo(c.listing().seatsAvailable() + " left");
                });
        assertThat(all).extracting(ShowtimeChoice::details).contains("IMAX · Sala 1");
    }

    @Test
    void choosingAShowtimeStartsTheSaleAndOpensTheSeatMap() {
        ShowtimesViewModel model = model(Locale.ENGLISH, 1L);
        model.load();
        loaded(model);
        List<ShowtimeChoice> all = new ArrayList<>();
        model.moviesProperty().forEach(m -> all.addAll(m.showtimes()));

        ShowtimeChoice started =
                all.stream().filter(ShowtimeChoice::started).findFirst().orElseThrow();
        assertThat(model.choose(started)).isFalse();
        assertThat(sale.showtimeProperty().get()).isNull();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);

        ShowtimeChoice later =
                all.stream().filter(ShowtimeChoice::selectable).findFirst().orElseThrow();
        assertThat(model.choose(later)).isTrue();
        assertThat(sale.showtimeProperty().get()).isEqualTo(later.listing());
        assertThat(sale.theaterIdProperty().get()).isEqualTo(1L);
        assertThat(navigator.current()).isEqualTo(Screen.SEAT_MAP);

        // back from the seat map, a new view-model shows the same theater and day
        model.selectTheater(model.theatersProperty().get(2));
        ShowtimesViewModel again = model(Locale.ENGLISH, 1L);
        again.load();
        loaded(again);
        assertThat(again.theaterProperty().get().id()).isEqualTo(1);
        assertThat(again.dateProperty().get()).isEqualTo(LocalDate.now(MADRID));
    }

    @Test
    void anotherTheaterAndDayShowTheirOwnShowtimes() {
        // a person taps a theater and then a day while the theater's showtimes are still on their way: every change
        // happens on one UI thread, as in the app, and the day's answer is the one that stays
        try (SerialUi ui = new SerialUi()) {
            ShowtimesViewModel model = new ShowtimesViewModel(
                    catalog, new Tasks(ui), navigator, sale, new Messages(Locale.ENGLISH), 1L, todayAt1600());
            ui.act(model::load);
            await().atMost(10, SECONDS)
                    .until(() -> ui.read(() -> !model.loadingProperty().get()
                            && !model.moviesProperty().isEmpty()));
            NearbyTheater chamberi = ui.read(() -> model.theatersProperty().get(1));
            LocalDate inThreeDays = LocalDate.now(MADRID).plusDays(3);

            ui.act(() -> {
                model.selectTheater(chamberi);
                model.selectDate(inThreeDays);
            });
            await().atMost(10, SECONDS)
                    .until(() -> ui.read(() -> !model.loadingProperty().get()));
            assertThat(ui.read(() -> model.dateProperty().get())).isEqualTo(inThreeDays);
            assertThat(ui.read(() -> model.theaterProperty().get())).isEqualTo(chamberi);
            showsTheDaysShowtimes(ui.read(() -> List.copyOf(model.moviesProperty())), chamberi, inThreeDays);
        }
    }

    private static void showsTheDaysShowtimes(
            List<MovieShowtimes> movies, NearbyTheater chamberi, LocalDate inThreeDays) {
        List<Long> shown = movies.stream()
                .flatMap(m -> m.showtimes().stream())
                .map(c -> c.listing().id())
                .sorted()
                .toList();
        List<Long> expected = catalog.showtimes(chamberi.id(), inThreeDays).stream()
                .map(ShowtimeListing::id)
                .sorted()
                .toList();
        assertThat(shown).isNotEmpty().isEqualTo(expected);
        assertThat(movies).flatExtracting(MovieShowtimes::showtimes).allMatch(ShowtimeChoice::selectable);
    }

    @Test
    void aShowtimeWithEverySeatHeldIsSoldOut() {
        LocalDate tomorrow = LocalDate.now(MADRID).plusDays(1);
        // "Sala 3" of theater 1 has 80 seats: the counter holds 50 and three kiosks 10 each
        ShowtimeListing small = catalog.showtimes(1, tomorrow).stream()
                .filter(s -> s.auditorium().name().equals("Sala 3"))
                .findFirst()
                .orElseThrow();
        List<String> seats = client.seatMap(small.id()).seats().stream()
                .map(seat -> seat.id())
                .toList();
        assertThat(seats).hasSize(80);
        office.terminal().hold(small.id(), seats.subList(0, 50));
        for (int k = 0; k < 3; k++) {
            office.terminal().hold(small.id(), seats.subList(50 + 10 * k, 60 + 10 * k));
        }

        ShowtimesViewModel model = model(Locale.ENGLISH, 1L);
        model.load();
        loaded(model);
        model.selectDate(tomorrow);
        await().atMost(10, SECONDS)
                .until(() -> model.moviesProperty().stream()
                        .flatMap(m -> m.showtimes().stream())
                        .anyMatch(c -> c.listing().id() == small.id()));
        ShowtimeChoice soldOut = model.moviesProperty().stream()
                .flatMap(m -> m.showtimes().stream())
                .filter(c -> c.listing().id() == small.id())
                .findFirst()
                .orElseThrow();
        assertThat(soldOut.soldOut()).isTrue();
        assertThat(soldOut.selectable()).isFalse();
        assertThat(soldOut.seatsText()).isEqualTo("Sold out");
        assertThat(model.choose(soldOut)).isFalse();
    }

    @Test
    void withoutAKnownHomeEveryTheaterIsListedByName() {
        ShowtimesViewModel model = model(Locale.ENGLISH, null);
        model.load();
        loaded(model);
        assertThat(model.theatersProperty())
                .extracting(NearbyTheater::name)
                .containsExactly("Marquee Chamberí", "Marquee Gran Vía", "Marquee Retiro");
        assertThat(model.theaterLabel(model.theatersProperty().get(0))).isEqualTo("Marquee Chamberí");
    }
}
