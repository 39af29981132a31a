package org.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A manager setting up a cinema through the admin API (DESIGN §7.1), for tests that need a fresh place to schedule. */
public final class AdminApi {

    private final ApiClient manager;

    public AdminApi(ApiClient manager) {
        this.manager = manager;
    }

    public ApiClient client() {
        return manager;
    }

    /** A new theater in Madrid's time zone with {@code cleaningMinutes}; its id. */
    public long theater(int cleaningMinutes) {
        return created(manager.post("/admin/theaters", """
                {"name":"Test %s","address":"Calle Falsa 123","lat":40.4168,"lon":-3.7038,
                 "timeZone":"Europe/Madrid","cleaningMinutes":%d}""".formatted(unique(), cleaningMinutes)));
    }

    /** A new auditorium of the theater with the layout; its id. */
    public long auditorium(long theaterId, List<String> layout) {
        return created(manager.post(
                "/admin/auditoriums",
                "{\"theaterId\":" + theaterId + ",\"name\":\"Room " + unique() + "\",\"layout\":"
                        + Bodies.jsonList(layout) + "}"));
    }

    /** A new movie of {@code runtimeMinutes}; its id. */
    public long movie(int runtimeMinutes) {
        return created(manager.post("/admin/movies", """
                {"title":"Film %s","runtimeMinutes":%d,"rating":"PG","genres":["Drama"],"synopsis":"A test."}""".formatted(unique(), runtimeMinutes)));
    }

    /** A new showtime; its id. */
    public long showtime(long movieId, long auditoriumId, Instant startsAt) {
        return created(schedule(movieId, auditoriumId, startsAt));
    }

    public ApiClient.Answer schedule(long movieId, long auditoriumId, Instant startsAt) {
        return manager.post(
                "/admin/showtimes",
                "{\"movieId\":" + movieId + ",\"auditoriumId\":" + auditoriumId + ",\"startsAt\":\"" + startsAt
                        + "\",\"format\":\"2D\"}");
    }

    public static long created(ApiClient.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("Expected 201, got " + answer.status() + " " + answer.body());
        }
        return answer.json().path("id").asLong();
    }

    /** Holds the seats on {@code seller}, orders them as ADULT tickets with {@code email}, and pays; the order. */
    public static JsonNode sell(ApiClient seller, long showtimeId, List<String> seats, String email, String payment) {
        ApiClient.Answer hold = seller.post("/holds", Bodies.holdBody(showtimeId, seats));
        if (hold.status() != 201) {
            throw new IllegalStateException("hold: " + hold.status() + " " + hold.body());
        }
        StringBuilder tickets = new StringBuilder();
        for (String seat : seats) {
            tickets.append(tickets.isEmpty() ? "" : ",")
                    .append("{\"seatId\":\"")
                    .append(seat)
                    .append("\",\"type\":\"ADULT\"}");
        }
        ApiClient.Answer order = seller.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[" + tickets + "]"
                        + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        if (order.status() != 201) {
            throw new IllegalStateException("order: " + order.status() + " " + order.body());
        }
        long total = order.json().path("totalMinor").asLong();
        String id = order.json().path("orderId").asText();
        String body = payment.startsWith("tok_")
                ? "{\"method\":\"CARD\",\"amountMinor\":" + total + ",\"cardToken\":\"" + payment + "\"}"
                : "{\"method\":\"CASH\",\"amountMinor\":" + total + ",\"tenderedMinor\":" + total + "}";
        ApiClient.Answer paid = seller.post("/orders/" + id + "/payments", body);
        if (paid.status() != 200) {
            throw new IllegalStateException("payment: " + paid.status() + " " + paid.body());
        }
        return order.json();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
