package org.marquee.server.live.http;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.marquee.server.live.SeatEvent;
import org.marquee.server.live.SeatEventSink;
import org.marquee.server.web.Json;

/**
 * Writes one SSE client's events and comments on a virtual thread of its own, in the order they were queued. The feed
 * that queues them never waits for a socket: a client whose network stalls holds up nobody else, and one that falls
 * {@link #MAX_QUEUED} messages behind is dropped (it reconnects with its last event id).
 *
 * <p>An event's frame is encoded once for all the showtime's subscribers ({@link SeatEvent#encoded}) and written as
 * bytes; what queued up while the last write was on its way goes out in one write and one flush.
 */
final class StreamWriter implements SeatEventSink {

    static final int MAX_QUEUED = 1_000;

    /** At most this many queued frames go into one flush. */
    private static final int BATCH = 64;

    private static final byte[] STOP = new byte[0];

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final SseClient client;
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private volatile boolean stopped;

    StreamWriter(SseClient client) {
        this.client = client;
        Thread.ofVirtual().name("sse-writer").start(this::run);
    }

    @Override
    public void send(SeatEvent event) {
        offer(event.encoded(StreamWriter::frame));
    }

    /** A comment that keeps an idle stream open through proxies; the same bytes for every client. */
    void heartbeat() {
        offer(HEARTBEAT);
    }

    /** Ends the stream after what is already queued. */
    void stop() {
        stopped = true;
        queue.clear();
        queue.offer(STOP);
    }

    boolean stopped() {
        return stopped || client.terminated();
    }

    /** The event as the SSE wire format has it: id, event name, one line of JSON data, and a blank line. */
    static byte[] frame(SeatEvent event) {
        byte[] data = Json.bytes(event.data());
        byte[] head = ("id: " + event.id() + "\nevent: " + event.name() + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(data, 0, frame, head.length, data.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    private void offer(byte[] message) {
        if (stopped() || !queue.offer(message)) {
            stop();
            throw new IllegalStateException("the client has gone or fallen too far behind");
        }
    }

    private void run() {
        List<byte[]> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                byte[] first = queue.poll(30, TimeUnit.SECONDS);
                if (first == null) {
                    if (stopped()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (!write(batch)) {
                    closeUnlessGone();
                    return;
                }
                batch.clear();
                if (client.terminated()) {
                    stopped = true;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away mid-write
            stopped = true;
            closeUnlessGone();
        }
    }

    /** Writes the frames up to a stop, then flushes once; false when a stop was among them. */
    private boolean write(List<byte[]> frames) throws IOException {
        if (client.terminated()) {
            stopped = true;
            return false;
        }
        HttpServletResponse response = client.ctx().res();
        OutputStream out = response.getOutputStream();
        boolean go = true;
        for (byte[] frame : frames) {
            if (frame == STOP) {
                go = false;
                break;
            }
            out.write(frame);
        }
        response.flushBuffer();
        return go;
    }

    /** Closing a stream whose client already left would hand Javalin a request that no longer exists. */
    private void closeUnlessGone() {
        if (!client.terminated()) {
            client.close();
        }
    }
}
