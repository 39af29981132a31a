package org.marquee.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.EventStream.Event;
import org.marquee.server.testing.TestServer;

/** Setup and helpers shared by the tests of {@code GET /showtimes/{id}/events}. */
final class LiveEvents {

    static final Duration WAIT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveEvents() {}

    /** Server options for the event tests: enough kiosks, and heartbeats often enough to see them. */
    static TestServer.Options options() {
        return TestServer.Options.defaults().kiosks(24).heartbeatEvery(Duration.ofMillis(200));
    }

    /** The seats of {@code showtime} available at the start, each to be used by one test only. */
    static Iterator<String> freeSeats(TestServer server, long showtime) {
        List<String> seats = new ArrayList<>();
        server.kiosk(1)
                .get("/showtimes/" + showtime + "/seats")
                .json()
                .path("seats")
                .forEach(seat -> {
                    // wheelchair spaces and companion seats are kept for accessible holds (DESIGN §8)
                    if (seat.path("status").asText().equals("AVAILABLE")
                            && List.of("STANDARD", "PREMIUM")
                                    .contains(seat.path("type").asText())) {
                        seats.add(seat.path("id").asText());
                    }
                });
        return seats.iterator();
    }

    static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status the event gives {@code seat}, or null when it does not name it. */
    static String statusIn(Event event, String seat) {
        if (!event.name().equals("seats")) {
            return null;
        }
        for (JsonNode change : json(event).path("changes")) {
            if (change.path("seatId").asText().equals(seat)) {
                return change.path("status").asText();
            }
        }
        return null;
    }

    /** The seat map as the server gives it: status by seat id. */
    static Map<String, String> seatMap(ApiClient client, long showtime) {
        Map<String, String> seats = new HashMap<>();
        client.get("/showtimes/" + showtime + "/seats")
                .json()
                .path("seats")
                .forEach(seat ->
                        seats.put(seat.path("id").asText(), seat.path("status").asText()));
        return seats;
    }
}
