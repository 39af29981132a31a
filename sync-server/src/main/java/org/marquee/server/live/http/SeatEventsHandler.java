package org.marquee.server.live.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.marquee.server.live.SeatFeeds;
import org.marquee.server.seatmap.SeatMapService;
import org.marquee.server.web.Requests;

/**
 * {@code GET /showtimes/{id}/events}: the showtime's seat changes as Server-Sent Events ({@code hello}, {@code seats},
 * {@code reload}), each with the seat-map version as its id, and a comment every heartbeat interval so that proxies
 * keep an idle stream open.
 */
public final class SeatEventsHandler implements AutoCloseable {

    private final SeatMapService seatMaps;
    private final SeatFeeds feeds;
    private final Set<StreamWriter> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    public SeatEventsHandler(SeatMapService seatMaps, SeatFeeds feeds, Duration heartbeatInterval) {
        this.seatMaps = seatMaps;
        this.feeds = feeds;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sse-heartbeat").daemon().factory());
        long millis = heartbeatInterval.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs before the stream starts (and after authorization), so that an unknown showtime is a plain 404. */
    public void check(Context ctx) {
        seatMaps.current(Requests.longPath(ctx, "id", "showtime"));
    }

    public void open(SseClient client) {
        long showtimeId = Requests.longPath(client.ctx(), "id", "showtime");
        Long lastEventId = lastEventId(client.ctx().header("Last-Event-ID"));
        client.keepAlive();
        StreamWriter writer = new StreamWriter(client);
        clients.add(writer);
        AtomicReference<SeatFeeds.Subscription> subscription = new AtomicReference<>();
        Runnable end = () -> {
            clients.remove(writer);
            writer.stop();
            SeatFeeds.Subscription open = subscription.getAndSet(null);
            if (open != null) {
                open.close();
            }
        };
        client.onClose(end);
        subscription.set(feeds.subscribe(showtimeId, lastEventId, writer));
        if (writer.stopped()) {
            // gone while subscribing: onClose may have run before there was anything to close
            end.run();
        }
    }

    /** The id a reconnecting client last saw; anything that is not a version counts as too old to resume from. */
    static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private void beat() {
        for (StreamWriter writer : clients) {
            try {
                writer.heartbeat();
            } catch (IllegalStateException e) {
                clients.remove(writer);
            }
        }
    }

    /** Ends every open stream; clients reconnect (to another instance) with their last event id. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (StreamWriter writer : clients) {
            writer.stop();
        }
        clients.clear();
    }
}
