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
 * already has that version. Each version's answer (its JSON and its ETag) is encoded once, not per request.
 */
public final class SeatMapHandler {

    private record Encoded(long version, String etag, byte[] json) {

        static Encoded of(SeatMapSnapshot snapshot) {
            return new Encoded(snapshot.version(), "\"" + snapshot.version() + "\"", Json.bytes(snapshot.seatMap()));
        }
    }

    private final SeatMapService seatMaps;
    private final Map<Long, Encoded> encoded = new ConcurrentHashMap<>();

    public SeatMapHandler(SeatMapService seatMaps) {
        this.seatMaps = seatMaps;
    }

    public void seats(Context ctx) {
        long showtimeId = Requests.longPath(ctx, "id", "showtime");
        SeatMapSnapshot snapshot = seatMaps.current(showtimeId);
        Encoded body = encoded.get(showtimeId);
        if (body == null || body.version() != snapshot.version()) {
            body = Encoded.of(snapshot);
            // concurrent requests of a new version may each encode it; the newest version stays
            encoded.merge(showtimeId, body, (old, next) -> next.version() >= old.version() ? next : old);
        }
        ctx.header("ETag", body.etag()).header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), body.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body.json());
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.equals(etag)) {
            return true;
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
