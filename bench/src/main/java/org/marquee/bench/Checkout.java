package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The end of a sale that kiosks and clerks share: the order for a hold, and its payment (sometimes sent twice). */
final class Checkout {

    /** An order just made: its id and total. */
    record Order(String id, long total) {}

    private final SoakTally tally;

    Checkout(SoakTally tally) {
        this.tally = tally;
    }

    /** Orders the hold's seats with mixed ticket types; null when the server refused. */
    Order order(MiniHttp http, String holdId, List<String> seats, SplittableRandom random, String email)
            throws IOException {
        StringBuilder tickets = new StringBuilder("[");
        String[] types = {"ADULT", "ADULT", "ADULT", "CHILD", "SENIOR"};
        for (String seat : seats) {
            tickets.append(tickets.length() > 1 ? "," : "")
                    .append("{\"seatId\":\"")
                    .append(seat)
                    .append("\",\"type\":\"")
                    .append(types[random.nextInt(types.length)])
                    .append("\"}");
        }
        String body = "{\"holdId\":\"" + holdId + "\",\"tickets\":" + tickets + "]"
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
        MiniHttp.Answer created =
                tally.exchange("POST /orders", http, "POST", "/orders", SoakContext.key(), body, 201, 409);
        if (created.status() != 201) {
            return null;
        }
        JsonNode order = Target.JSON.readTree(created.body());
        return new Order(
                order.path("orderId").asText(), order.path("totalMinor").asLong());
    }

    /** Pays with a fresh Idempotency-Key; sometimes sends the same request again with the same key. */
    int pay(String label, MiniHttp http, String orderId, String body, SplittableRandom random) throws IOException {
        String key = SoakContext.key();
        String path = "/orders/" + orderId + "/payments";
        MiniHttp.Answer first = tally.exchange(label, http, "POST", path, key, body, 200, 202, 402, 409);
        if (random.nextInt(6) == 0) {
            tally.retries.increment();
            MiniHttp.Answer again = tally.exchange(label + " retry", http, "POST", path, key, body, 200, 202, 402, 409);
            if (again.status() != first.status()) {
                tally.retryMismatches.increment();
                tally.unexpected(
                        label + " retry answered " + again.status() + " after " + first.status(),
                        String.valueOf(again.body()));
            }
        }
        return first.status();
    }

    /** Seat ids as a JSON array. */
    static String json(List<String> ids) {
        return ids.isEmpty() ? "[]" : "[\"" + String.join("\",\"", ids) + "\"]";
    }

    /** The texts of a JSON array. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
