package org.marquee.kiosk.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.marquee.kiosk.showtimes.ShowtimeSource;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeListing.AuditoriumRef;
import org.marquee.model.ShowtimeListing.MovieRef;

/**
 * The demo's catalog (DESIGN.md §2) in memory, for the showtimes screen's tests: three theaters in Madrid (Gran Vía
 * with the big IMAX hall, Retiro, Chamberí), four showtimes a day per auditorium (12:30, 15:45, 19:00, 22:15 Madrid
 * time) from today for a week, each on sale in the {@link FakeBoxOffice} it is made with, so that seat maps, holds and
 * the seats left are that box office's.
 */
public final class FakeCatalog implements ShowtimeSource {

    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private record Room(long id, String name, List<String> layout, String format) {}

    private record Theater(long id, String name, double lat, double lon, List<Room> rooms) {}

    private static final List<MovieRef> MOVIES = List.of(
            new MovieRef(1, "The Last Lighthouse", 118, "PG-13"),
            new MovieRef(2, "Orbit of Ashes", 142, "PG-13"),
            new MovieRef(3, "Paper Kites", 96, "PG"),
            new MovieRef(4, "Midnight at the Mercado", 104, "R"),
            new MovieRef(5, "A Summer in Lisbon", 111, "PG-13"),
            new MovieRef(6, "Iron Tide", 127, "PG-13"));

    private static final List<LocalTime> SLOTS =
            List.of(LocalTime.of(12, 30), LocalTime.of(15, 45), LocalTime.of(19, 0), LocalTime.of(22, 15));

    private final FakeBoxOffice office;
    private final List<Theater> theaters;
    private final List<Long> showtimeIds = new ArrayList<>();
    private final List<Long> theaterOf = new ArrayList<>();

    public FakeCatalog(FakeBoxOffice office) {
        this.office = office;
        this.theaters = List.of(
                new Theater(
                        1,
                        "Marquee Gran Vía",
                        40.4230,
                        -3.7110,
                        List.of(
                                new Room(1, "Sala 1", FakeBoxOffice.GRAND_HALL, "IMAX"),
                                new Room(2, "Sala 2", rect(10, 14, 7), "2D"),
                                new Room(3, "Sala 3", rect(8, 10, 5), "2D"))),
                new Theater(
                        2,
                        "Marquee Retiro",
                        40.4215,
                        -3.6835,
                        List.of(
                                new Room(4, "Sala 1", rect(12, 14, 7), "2D"),
                                new Room(5, "Sala 2", rect(9, 10, 5), "2D"))),
                new Theater(
                        3,
                        "Marquee Chamberí",
                        40.4330,
                        -3.7020,
                        List.of(
                                new Room(6, "Sala 1", rect(13, 16, 8), "2D"),
                                new Room(7, "Sala 2", rect(10, 12, 6), "2D"),
                                new Room(8, "Sala 3", rect(6, 10, 5), "2D"))));
        LocalDate today = LocalDate.now(MADRID);
        for (int day = 0; day < 7; day++) {
            for (Theater theater : theaters) {
                for (Room room : theater.rooms()) {
                    for (int slot = 0; slot < SLOTS.size(); slot++) {
                        MovieRef movie = MOVIES.get((int) ((room.id() + slot + day) % MOVIES.size()));
                        ShowtimeListing listing = office.showtime(
                                movie,
                                new AuditoriumRef(room.id(), room.name()),
                                today.plusDays(day)
                                        .atTime(SLOTS.get(slot))
                                        .atZone(MADRID)
                                        .toInstant(),
                                room.format(),
                                room.layout());
                        showtimeIds.add(listing.id());
                        theaterOf.add(theater.id());
                    }
                }
            }
        }
    }

    @Override
    public List<NearbyTheater> theatersNear(Long homeTheaterId) {
        Theater home = homeTheaterId == null
                ? null
                : theaters.stream()
                        .filter(t -> t.id() == homeTheaterId)
                        .findFirst()
                        .orElse(null);
        List<NearbyTheater> near = new ArrayList<>();
        for (Theater theater : theaters) {
            Double km = home == null ? null : Math.round(distanceKm(home, theater) * 100) / 100.0;
            near.add(new NearbyTheater(
                    theater.id(), theater.name(), "Madrid", theater.lat(), theater.lon(), MADRID.getId(), km));
        }
        near.sort(
                home == null
                        ? Comparator.comparing(NearbyTheater::name)
                        : Comparator.comparing(NearbyTheater::distanceKm));
        return Collections.unmodifiableList(near);
    }

    @Override
    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        List<ShowtimeListing> found = new ArrayList<>();
        for (int i = 0; i < showtimeIds.size(); i++) {
            if (theaterOf.get(i) == theaterId) {
                ShowtimeListing listing = office.listing(showtimeIds.get(i));
                if (LocalDate.ofInstant(listing.startsAt(), MADRID).equals(date)) {
                    found.add(listing);
                }
            }
        }
        found.sort(Comparator.comparing((ShowtimeListing s) -> s.movie().title())
                .thenComparing(ShowtimeListing::startsAt));
        return found;
    }

    /** The box office that sells this catalog's showtimes. */
    public FakeBoxOffice office() {
        return office;
    }

    /** A plain room as the demo makes it: {@code rows} rows of {@code seats}, an aisle after {@code aisleAfter}. */
    private static List<String> rect(int rows, int seats, int aisleAfter) {
        List<String> layout = new ArrayList<>();
        String labels = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        for (int row = 0; row < rows; row++) {
            String block = "S".repeat(seats);
            String cells = block.substring(0, aisleAfter) + "." + block.substring(aisleAfter);
            if (row == 0) {
                cells = "WC" + cells.substring(2, cells.length() - 2) + "CW";
            }
            layout.add(labels.charAt(row) + ":" + cells);
        }
        return layout;
    }

    private static double distanceKm(Theater a, Theater b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
