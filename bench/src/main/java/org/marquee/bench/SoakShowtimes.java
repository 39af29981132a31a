package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The showtimes a soak run sells, and which of them a terminal found (nearly) sold out in the last minute: those are
 * left alone for a minute, while refunds free seats.
 */
final class SoakShowtimes {

    private final List<Long> ids;
    // showtime → when a terminal found it (nearly) sold out
    private final Map<Long, Long> soldOut = new ConcurrentHashMap<>();
    private final LongAdder movedOn = new LongAdder();
    private final LongAdder allSoldOut = new LongAdder();

    SoakShowtimes(List<Long> ids) {
        this.ids = List.copyOf(ids);
    }

    /** Showtimes of {@code theater} from tomorrow on for {@code days} days, that are not cancelled. */
    static SoakShowtimes load(Target target, long theater, int days) throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(1);
        for (int d = 0; d < days; d++) {
            for (JsonNode s : target.get("/theaters/" + theater + "/showtimes?date=" + tomorrow.plusDays(d))) {
                if (!s.path("status").asText("ON_SALE").equals("CANCELLED")) {
                    ids.add(s.path("id").asLong());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no showtimes for theater " + theater + " from " + tomorrow);
        }
        return new SoakShowtimes(ids);
    }

    int size() {
        return ids.size();
    }

    /** Any showtime, sold out or not (what an SSE subscriber follows). */
    long any(SplittableRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** A showtime not found sold out in the last minute, or -1 after a pause when there is none. */
    long pick(SplittableRandom random) {
        long now = System.nanoTime();
        soldOut.values().removeIf(at -> now - at > 60_000_000_000L);
        List<Long> open = ids.stream().filter(s -> !soldOut.containsKey(s)).toList();
        if (open.isEmpty()) {
            allSoldOut.increment();
            SoakContext.pause(1_000);
            return -1;
        }
        return open.get(random.nextInt(open.size()));
    }

    void markSoldOut(long showtime) {
        if (soldOut.putIfAbsent(showtime, System.nanoTime()) == null) {
            movedOn.increment();
        }
    }

    /** How often a terminal found a showtime sold out (and moved on to another). */
    long foundSoldOut() {
        return movedOn.sum();
    }

    /** How often a terminal found every showtime sold out. */
    long foundAllSoldOut() {
        return allSoldOut.sum();
    }
}
