package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one terminal remembers of each showtime's seat map, to ask with If-None-Match, and how it picks seats from it.
 */
final class SeatMapCache {

    private final Map<Long, String> etags = new ConcurrentHashMap<>();
    private final Map<Long, JsonNode> maps = new ConcurrentHashMap<>();

    /** The seats a customer may pick (AVAILABLE, standard or premium, no restriction), with or without a validator. */
    List<String> freeSeats(SoakTally tally, MiniHttp http, long showtime, SplittableRandom random) throws IOException {
        String etag = random.nextBoolean() ? etags.get(showtime) : null;
        MiniHttp.Answer answer = tally.exchange(
                etag == null ? "GET /showtimes/{id}/seats" : "GET /showtimes/{id}/seats If-None-Match",
                http,
                "GET",
                "/showtimes/" + showtime + "/seats",
                etag == null ? "" : "If-None-Match: " + etag + "\r\n",
                null,
                200,
                304);
        JsonNode map;
        if (answer.status() == 304 && maps.containsKey(showtime)) {
            map = maps.get(showtime);
        } else if (answer.status() == 200) {
            map = Target.JSON.readTree(answer.body());
            maps.put(showtime, map);
            if (answer.etag() != null) {
                etags.put(showtime, answer.etag());
            }
        } else {
            return List.of();
        }
        List<String> free = new ArrayList<>();
        for (JsonNode seat : map.path("seats")) {
            String type = seat.path("type").asText();
            if (seat.path("status").asText().equals("AVAILABLE")
                    && seat.path("restriction").isMissingNode()
                    && (type.equals("STANDARD") || type.equals("PREMIUM"))) {
                free.add(seat.path("id").asText());
            }
        }
        return free;
    }

    /** {@code count} free seats side by side in one row when there are (ids like F7), else any free ones. */
    static List<String> adjacent(List<String> free, int count, SplittableRandom random) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String first = free.get(random.nextInt(free.size()));
            String row = first.replaceAll("[0-9]+$", "");
            int number;
            try {
                number = Integer.parseInt(first.substring(row.length()));
            } catch (NumberFormatException e) {
                break;
            }
            List<String> run = new ArrayList<>();
            for (int n = number; run.size() < count && free.contains(row + n); n++) {
                run.add(row + n);
            }
            if (run.size() == count) {
                return run;
            }
        }
        List<String> any = new ArrayList<>(free);
        Collections.shuffle(any, new java.util.Random(random.nextLong()));
        return List.copyOf(any.subList(0, Math.min(count, any.size())));
    }
}
