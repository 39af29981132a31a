package org.marquee.server.seatmap.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.marquee.server.seatmap.SeatMapService;
import org.marquee.server.seatmap.SeatMapSnapshot;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;

/**
 * {@code GET /showtimes/{id}/seats}: the seat map with its version as a strong ETag, and 304 for a client that
 * already has that version. Each version is encoded to JSON once.
 */
public final class SeatMapHandler {

    private record Encoded(long version, byte[] json) {}

    private final SeatMapService seatMaps;
    private final Map<Long, Encoded> encoded = new ConcurrentHashMap<>();

    public SeatMapHandler(SeatMapService seatMaps) {
        this.seatMaps = seatMaps;
    }

    public void seats(Context ctx) {
        long showtimeId = Requests.longPath(ctx, "id", "showtime");
        SeatMapSnapshot snapshot = seatMaps.current(showtimeId);
        String etag = "\"" + snapshot.version() + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        Encoded body = encoded.compute(
                showtimeId,
                (id, old) -> old != null && old.version() == snapshot.version()
                        ? old
                        : new Encoded(snapshot.version(), Json.bytes(snapshot.seatMap())));
        ctx.contentType("application/json").result(body.json());
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || ("\"" + tag + "\"").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
