package org.marquee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * An SSE subscriber: each step follows one showtime's events for 1–5 minutes (at most until the run ends), then it
 * connects again. A stream the server ends more than a second before the subscriber meant to leave is a drop.
 */
final class SseSubscriber implements SoakTerminal {

    private final SoakContext context;
    private final SoakTally tally;
    private final int subscriber;

    SseSubscriber(SoakContext context, int subscriber) {
        this.context = context;
        this.tally = context.tally();
        this.subscriber = subscriber;
    }

    @Override
    public void step() throws Exception {
        Target target = context.target();
        SplittableRandom random = SoakContext.random(20_000 + subscriber + (int) tally.sseConnects.sum());
        long showtime = context.showtimes().any(random);
        long until = Math.min(context.deadline(), System.nanoTime() + (60 + random.nextInt(240)) * 1_000_000_000L);
        long begin = System.nanoTime();
        HttpResponse<Stream<String>> stream;
        try {
            stream = target.http.send(
                    HttpRequest.newBuilder(URI.create(target.server + "/api/v1/showtimes/" + showtime + "/events"))
                            .header("Authorization", Target.token(subscriber % Math.max(1, target.clients)))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            tally.sseDrops.increment();
            throw e;
        }
        tally.answer("GET /showtimes/{id}/events (connect)", stream.statusCode(), System.nanoTime() - begin, "", 200);
        if (stream.statusCode() != 200) {
            stream.body().close();
            SoakContext.pause(1_000);
            return;
        }
        tally.sseConnects.increment();
        Thread closer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            stream.body().close();
        });
        try (Stream<String> lines = stream.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("data:")) {
                    tally.sseEvents.increment();
                }
            }
            if (System.nanoTime() < until - 1_000_000_000L) {
                tally.sseDrops.increment();
            }
        } catch (UncheckedIOException e) {
            if (System.nanoTime() < until - 1_000_000_000L) {
                tally.sseDrops.increment();
            }
        } finally {
            closer.interrupt();
        }
    }
}
