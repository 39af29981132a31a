package org.marquee.kiosk.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMapVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live seat-map events of one showtime ({@code GET /showtimes/{id}/events}, Server-Sent Events), as typed
 * callbacks on a background thread. A dropped stream is opened again by itself, waiting longer after each failure
 * (0.5 s doubling up to 30 s, back to 0.5 s once an event arrives), and resumes after the last event it saw
 * ({@code Last-Event-ID}) so that the server replays what was missed. {@link #close()} stops it for good.
 */
public final class SeatFeed implements AutoCloseable {

    /** What the feed tells; every method is called on a background thread, one call at a time. */
    public interface Listener {

        /** The stream opened without an event id to resume from: the map's version on the server now. */
        void hello(SeatMapVersion version);

        /** Seats whose status changed. */
        void seats(SeatChanges changes);

        /** The server could not replay what was missed: read the whole seat map again. */
        void reload(SeatMapVersion version);

        /** The stream dropped (it is opened again by itself); {@code reason} is for the log. */
        void disconnected(String reason);

        /** The stream is open (again): events flow from now on. */
        default void connected() {}
    }

    public static final Duration FIRST_RETRY = Duration.ofMillis(500);
    public static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SeatFeed.class);

    /*
     * One client for every stream: no call timeout (a stream is meant to last), and a read timeout three heartbeats
     * long, so that a connection that died without a word is noticed and opened again.
     */
    private static final OkHttpClient STREAMS = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(45))
            .callTimeout(Duration.ZERO)
            .retryOnConnectionFailure(false)
            .build();

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "marquee-seat-feed-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final MarqueeClient client;
    private final long showtimeId;
    private final Listener listener;
    private final Duration firstRetry;
    private final Duration lastRetry;
    private final Object lock = new Object();
    private EventSource source;
    private ScheduledFuture<?> retry;
    private Duration nextRetry;
    private String lastEventId;
    private boolean closed;

    SeatFeed(MarqueeClient client, long showtimeId, Listener listener, Duration firstRetry, Duration lastRetry) {
        this.client = client;
        this.showtimeId = showtimeId;
        this.listener = listener;
        this.firstRetry = firstRetry;
        this.lastRetry = lastRetry;
        this.nextRetry = firstRetry;
    }

    /** Opens the events of {@code showtimeId} with {@code client}'s server and token; call {@link #close()} when done. */
    public static SeatFeed open(MarqueeClient client, long showtimeId, Listener listener) {
        SeatFeed feed = new SeatFeed(client, showtimeId, listener, FIRST_RETRY, LAST_RETRY);
        feed.connect();
        return feed;
    }

    /** The id of the last event received, sent as {@code Last-Event-ID} on the next connection; null before any. */
    public String lastEventId() {
        synchronized (lock) {
            return lastEventId;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            if (source != null) {
                source.cancel();
            }
        }
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Request.Builder request = new Request.Builder()
                    .url(client.baseUrl().resolve("showtimes/" + showtimeId + "/events"))
                    .header("Accept", "text/event-stream");
            String token = client.token();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            source = EventSources.createFactory(STREAMS).newEventSource(request.build(), new Events());
        }
    }

    /** Opens the stream again after a pause that doubles with every failure in a row. */
    private void dropped(EventSource dead, String reason) {
        Duration wait;
        synchronized (lock) {
            if (closed || dead != source) {
                return;
            }
            wait = nextRetry;
            long doubled = Math.min(nextRetry.toMillis() * 2, lastRetry.toMillis());
            nextRetry = Duration.ofMillis(doubled);
            retry = RETRIES.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("event=seat_feed_dropped showtime={} reason={} retryInMs={}", showtimeId, reason, wait.toMillis());
        try {
            listener.disconnected(reason);
        } catch (RuntimeException e) {
            log.warn("event=seat_feed_listener_failed reason={}", e.getMessage());
        }
    }

    private final class Events extends EventSourceListener {

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            synchronized (lock) {
                if (closed || eventSource != source) {
                    return;
                }
            }
            try {
                listener.connected();
            } catch (RuntimeException e) {
                log.warn("event=seat_feed_listener_failed reason={}", e.getMessage());
            }
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            synchronized (lock) {
                if (closed || eventSource != source) {
                    return;
                }
                if (id != null && !id.isBlank()) {
                    lastEventId = id;
                }
                nextRetry = firstRetry;
            }
            try {
                switch (type == null ? "message" : type) {
                    case "hello" -> listener.hello(read(data, SeatMapVersion.class));
                    case "seats" -> listener.seats(read(data, SeatChanges.class));
                    case "reload" -> listener.reload(read(data, SeatMapVersion.class));
                    default -> log.debug("event=seat_feed_unknown_event type={}", type);
                }
            } catch (IOException e) {
                log.warn("event=seat_feed_unreadable type={} reason={}", type, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("event=seat_feed_listener_failed type={} reason={}", type, e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            dropped(eventSource, "the server ended the stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            String reason = response != null
                    ? "HTTP " + response.code()
                    : t == null ? "unknown" : t.getClass().getSimpleName() + ": " + t.getMessage();
            dropped(eventSource, reason);
        }
    }

    private static <T> T read(String data, Class<T> type) throws IOException {
        return MarqueeClient.MAPPER.readValue(data, type);
    }
}
