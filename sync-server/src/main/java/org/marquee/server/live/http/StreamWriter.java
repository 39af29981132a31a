package org.marquee.server.live.http;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.marquee.server.live.SeatEventSink;

/**
 * Writes one SSE client's events and comments on a virtual thread of its own, in the order they were queued. The feed
 * that queues them never waits for a socket: a client whose network stalls holds up nobody else, and one that falls
 * {@link #MAX_QUEUED} messages behind is dropped (it reconnects with its last event id).
 */
final class StreamWriter implements SeatEventSink {

    static final int MAX_QUEUED = 1_000;

    private sealed interface Message {}

    private record EventMessage(String event, String data, String id) implements Message {}

    private record Comment(String text) implements Message {}

    private record Stop() implements Message {}

    private final SseClient client;
    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private volatile boolean stopped;

    StreamWriter(SseClient client) {
        this.client = client;
        Thread.ofVirtual().name("sse-writer").start(this::run);
    }

    @Override
    public void send(String event, Object data, long id) {
        offer(new EventMessage(event, JsonText.of(data), Long.toString(id)));
    }

    void comment(String text) {
        offer(new Comment(text));
    }

    /** Ends the stream after what is already queued. */
    void stop() {
        stopped = true;
        queue.clear();
        queue.offer(new Stop());
    }

    boolean stopped() {
        return stopped || client.terminated();
    }

    private void offer(Message message) {
        if (stopped() || !queue.offer(message)) {
            stop();
            throw new IllegalStateException("the client has gone or fallen too far behind");
        }
    }

    private void run() {
        try {
            while (true) {
                Message message = queue.poll(30, TimeUnit.SECONDS);
                if (message == null) {
                    if (stopped()) {
                        break;
                    }
                    continue;
                }
                switch (message) {
                    case EventMessage event -> client.sendEvent(event.event(), event.data(), event.id());
                    case Comment comment -> client.sendComment(comment.text());
                    case Stop stop -> {
                        closeUnlessGone();
                        return;
                    }
                }
                if (client.terminated()) {
                    stopped = true;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stopped = true;
            closeUnlessGone();
        }
    }

    /** Closing a stream whose client already left would hand Javalin a request that no longer exists. */
    private void closeUnlessGone() {
        if (!client.terminated()) {
            client.close();
        }
    }
}
