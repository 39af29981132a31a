package org.marquee.server.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marquee.model.SeatLayout;

/**
 * The demo fixture of DESIGN §2: three theaters in Madrid a few km apart, eight auditoriums (one of 300+ seats with
 * aisles, wheelchair and companion places and a premium row), six movies, and showtimes for today and the next six
 * days, topped up at every start so that the demo always has a week to sell. Tokens of the demo terminals are their
 * names.
 */
public final class DemoFixture {

    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    public static final String COUNTER_TERMINAL = "demo-counter-1";
    public static final int DAYS = 7;

    /** An auditorium to create, with its layout in the shared-model notation. */
    public record Room(String name, List<String> layout, String format) {
        public int sellableSeats() {
            return SeatLayout.parse(layout).sellableSeats();
        }
    }

    public record Theater(String name, String address, double lat, double lon, List<Room> rooms) {}

    public record Movie(String title, int runtimeMinutes, String rating, List<String> genres, String synopsis) {}

    /** A showtime to create: which theater and room (by position in {@link #THEATERS}), which movie, when. */
    public record Screening(int theater, int room, int movie, java.time.Instant startsAt, String format) {}

    public record StaffMember(String username, String displayName, String role, String pin) {}

    public static final List<Theater> THEATERS = List.of(
            new Theater(
                    "Marquee Gran Vía",
                    "Gran Vía 66, 28013 Madrid",
                    40.4230,
                    -3.7110,
                    List.of(
                            new Room("Sala 1", grandHall(), "IMAX"),
                            rect("Sala 2", 10, 14, 7),
                            rect("Sala 3", 8, 10, 5))),
            new Theater(
                    "Marquee Retiro",
                    "Calle de Alcalá 95, 28009 Madrid",
                    40.4215,
                    -3.6835,
                    List.of(rect("Sala 1", 12, 14, 7), rect("Sala 2", 9, 10, 5))),
            new Theater(
                    "Marquee Chamberí",
                    "Calle de Fuencarral 142, 28010 Madrid",
                    40.4330,
                    -3.7020,
                    List.of(rect("Sala 1", 13, 16, 8), rect("Sala 2", 10, 12, 6), rect("Sala 3", 6, 10, 5))));

    public static final List<Movie> MOVIES = List.of(
            new Movie(
                    "The Last Lighthouse",
                    118,
                    "PG-13",
                    List.of("Drama", "Mystery"),
                    "A keeper on a storm-bound island finds a logbook written in her own hand."),
            new Movie(
                    "Orbit of Ashes",
                    142,
                    "PG-13",
                    List.of("Sci-Fi", "Adventure"),
                    "The crew of a dying station races to bring a seed vault home."),
            new Movie(
                    "Paper Kites",
                    96,
                    "PG",
                    List.of("Animation", "Family"),
                    "Two siblings chase a runaway kite across a city that folds like paper."),
            new Movie(
                    "Midnight at the Mercado",
                    104,
                    "R",
                    List.of("Thriller"),
                    "A night guard at a Madrid market has until dawn to find who is lying."),
            new Movie(
                    "A Summer in Lisbon",
                    111,
                    "PG-13",
                    List.of("Romance", "Comedy"),
                    "A tram driver and a tourist swap notebooks by mistake and keep writing."),
            new Movie(
                    "Iron Tide",
                    127,
                    "PG-13",
                    List.of("Action"),
                    "A salvage team is hired to raise a ship that someone wants to stay sunk."));

    public static final List<StaffMember> STAFF = List.of(
            new StaffMember("alice", "Alice Romero", "CLERK", "1234"),
            new StaffMember("morgan", "Morgan Díaz", "MANAGER", "9999"));

    private static final List<LocalTime> SLOTS =
            List.of(LocalTime.of(12, 30), LocalTime.of(15, 45), LocalTime.of(19, 0), LocalTime.of(22, 15));

    private DemoFixture() {}

    /** Showtimes for {@code firstDay} and the six days after, four per auditorium per day. */
    public static List<Screening> schedule(LocalDate firstDay) {
        List<Screening> screenings = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            screenings.addAll(day(firstDay.plusDays(day), day));
        }
        return screenings;
    }

    /**
     * The four showtimes of every auditorium on {@code date}; {@code rotation} moves the movies along the slots (the
     * day's position in the schedule), so that each movie gets different times on different days.
     */
    public static List<Screening> day(LocalDate date, int rotation) {
        List<Screening> screenings = new ArrayList<>();
        int roomIndex = 0;
        for (int t = 0; t < THEATERS.size(); t++) {
            List<Room> rooms = THEATERS.get(t).rooms();
            for (int r = 0; r < rooms.size(); r++, roomIndex++) {
                for (int slot = 0; slot < SLOTS.size(); slot++) {
                    int movie = Math.floorMod(roomIndex + slot + rotation, MOVIES.size());
                    String format = slot == 2 && rooms.get(r).format().equals("2D")
                            ? "3D"
                            : rooms.get(r).format();
                    var startsAt = date.atTime(SLOTS.get(slot)).atZone(ZONE).toInstant();
                    screenings.add(new Screening(t, r, movie, startsAt, format));
                }
            }
        }
        return screenings;
    }

    /**
     * The big hall: 14 rows of 22 seats in three blocks between two aisles. Row A has wheelchair places with their
     * companion seats, row J is premium, and one seat in row C is out of service.
     */
    static List<String> grandHall() {
        List<String> rows = new ArrayList<>();
        for (String label : List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P")) {
            String cells = switch (label) {
                case "A" -> "WWCC.SSSSSSSSSSSSSS.CCWW";
                case "C" -> "SSSS.SSSSSSXSSSSSSS.SSSS";
                case "J" -> "PPPP.PPPPPPPPPPPPPP.PPPP";
                default -> "SSSS.SSSSSSSSSSSSSS.SSSS";
            };
            rows.add(label + ":" + cells);
        }
        return rows;
    }

    /** A plain room: {@code rows} rows of {@code seats} with one aisle after seat {@code aisleAfter}. */
    static Room rect(String name, int rows, int seats, int aisleAfter) {
        List<String> layout = new ArrayList<>();
        String labels = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        for (int row = 0; row < rows; row++) {
            String block = String.join("", Collections.nCopies(seats, "S"));
            String cells = block.substring(0, aisleAfter) + "." + block.substring(aisleAfter);
            if (row == 0) {
                // the front row has two wheelchair places, each with its companion seat
                cells = "WC" + cells.substring(2, cells.length() - 2) + "CW";
            }
            layout.add(labels.charAt(row) + ":" + cells);
        }
        return new Room(name, layout, "2D");
    }
}
