package org.marquee.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests, as a kiosk would use it: reads {@code event:}, {@code id:} and {@code data:}
 * lines into events, and counts comments (heartbeats).
 */
public final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event, with when it arrived ({@link System#nanoTime()}). */
    public record Event(String name, String id, String data, long receivedNanos) {
        public long version() {
            return Long.parseLong(id);
        }
    }

    private final int status;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile boolean ended;

    private EventStream(int status, InputStream body) {
        this.status = status;
        this.body = body;
        Thread.ofVirtual().name("test-sse-reader").start(this::read);
    }

    /** Opens {@code GET /api/v1/showtimes/{id}/events} on {@code base}; {@code lastEventId} may be null. */
    public static EventStream open(URI base, String token, long showtimeId, String lastEventId) {
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/showtimes/" + showtimeId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response =
                    HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static EventStream open(ApiClient client, long showtimeId, String lastEventId) {
        return open(client.baseUri(), client.token(), showtimeId, lastEventId);
    }

    public int status() {
        return status;
    }

    public int comments() {
        return comments.get();
    }

    /** True once the server ended the stream (or it broke). */
    public boolean ended() {
        return ended;
    }

    /** The next event, or null when none arrives within {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event that matches, skipping others; null when none arrives within {@code timeout}. */
    public Event next(Duration timeout, Predicate<Event> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event event = next(Duration.ofNanos(left));
            if (event == null || wanted.test(event)) {
                return event;
            }
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by the test or dropped by the server: either way the stream has ended
        } finally {
            ended = true;
        }
    }

    /** Drops the connection, as a kiosk losing its network would. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
