package org.marquee.server.holds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;

/** What the seat-rule tests share: fresh showtimes of the big hall, seat maps, and request bodies. */
abstract class SeatRulesTestBase {

    protected TestServer server;
    private int nextShowtime;

    /** A showtime of the big hall (Sala 1 of theater 1) that no other test of the class uses. */
    protected long freshBigHall() {
        List<Long> ids = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            for (JsonNode s :
                    server.showtimes(1, LocalDate.now(DemoFixture.ZONE).plusDays(day))) {
                if (s.path("auditorium").path("name").asText().equals("Sala 1")) {
                    ids.add(s.path("id").asLong());
                }
            }
        }
        return ids.get(nextShowtime++);
    }

    /** A showtime of theater {@code theater} on the day after tomorrow: its first one. */
    protected long showtimeOfTheater(long theater, int index) {
        return server.showtimes(theater, LocalDate.now(DemoFixture.ZONE).plusDays(2))
                .get(index)
                .path("id")
                .asLong();
    }

    /** Every seat of the showtime's map by id. */
    protected Map<String, JsonNode> seatMap(ApiClient client, long showtime) {
        Map<String, JsonNode> seats = new HashMap<>();
        client.get("/showtimes/" + showtime + "/seats")
                .json()
                .path("seats")
                .forEach(seat -> seats.put(seat.path("id").asText(), seat));
        return seats;
    }

    protected static String best(long showtime, int count) {
        return "{\"showtimeId\":" + showtime + ",\"count\":" + count + "}";
    }

    protected static String bestAccessible(long showtime, int count) {
        return "{\"showtimeId\":" + showtime + ",\"count\":" + count + ",\"accessible\":true}";
    }

    protected static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asText()));
        return ids;
    }
}
