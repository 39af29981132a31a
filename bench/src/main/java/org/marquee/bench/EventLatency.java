package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hold → SSE event latency: {@code --subscribers} clients follow one showtime's events on {@code --events-server}
 * while one terminal takes a fresh seat every {@code --interval-ms} through {@code --server}. Latency runs from sending
 * the hold request to each subscriber seeing that seat HELD, so it includes the hold itself (a conservative figure).
 * Two different servers on one database measure the cross-instance path (NOTIFY/LISTEN).
 */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Hold to SSE event latency (issue 6).")
final class EventLatency implements Callable<Integer> {

    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Where holds are taken.")
    String server;

    @Option(names = "--events-server", description = "Where subscribers listen (default: --server).")
    String eventsServer;

    @Option(names = "--subscribers", defaultValue = "200", description = "SSE clients (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--holds", defaultValue = "100", description = "Holds to time (default: ${DEFAULT-VALUE}).")
    int holds;

    @Option(names = "--interval-ms", defaultValue = "100", description = "Between holds (default: ${DEFAULT-VALUE}).")
    int intervalMs;

    @Option(
            names = "--rounds",
            defaultValue = "1",
            description =
                    "Rounds of --holds with the same subscribers; the median is printed (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--server-pid",
            description = "The events server's process id: its memory is measured before and after the subscribers"
                    + " connect (RSS from /proc, heap after a full GC through jcmd).")
    Long serverPid;

    @Option(names = "--showtime", description = "Showtime id (default: tomorrow's first in Sala 1 of theater 1).")
    Long showtimeId;

    /** The round that arrivals are counted in. */
    private volatile int round;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @Override
    public Integer call() throws Exception {
        String listenOn = eventsServer == null ? server : eventsServer;
        long showtime = showtimeId != null ? showtimeId : showtime();
        List<String> seats = freeSeats(showtime, holds);
        // round:seat → arrival times (nanoTime) at each subscriber
        Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(subscribers);
        ServerMemory before = ServerMemory.of(serverPid);
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        // not try-with-resources: closing waits for readers, and a stream never ends by itself
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < subscribers; i++) {
                HttpResponse<Stream<String>> stream = http.send(
                        HttpRequest.newBuilder(URI.create(listenOn + "/api/v1/showtimes/" + showtime + "/events"))
                                .header("Authorization", Target.token(i % 4))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
                streams.add(stream);
                readers.submit(() -> read(stream, arrivals, connected));
            }
            connected.await();
            Thread.sleep(500);
            ServerMemory after = ServerMemory.of(serverPid);
            if (before != null && after != null) {
                System.out.printf(
                        "server memory with %d subscribers: RSS %+,d kB (%.1f kB each), heap after GC %+,d kB"
                                + " (%.1f kB each), threads %+d%n",
                        subscribers,
                        after.rssKb() - before.rssKb(),
                        (after.rssKb() - before.rssKb()) / (double) subscribers,
                        after.heapKb() - before.heapKb(),
                        (after.heapKb() - before.heapKb()) / (double) subscribers,
                        after.threads() - before.threads());
            }
            List<Double> p99s = new ArrayList<>();
            int missing = 0;
            for (round = 1; round <= rounds; round++) {
                missing += holdRound(showtime, seats, arrivals, listenOn, p99s);
            }
            if (rounds > 1) {
                System.out.printf(
                        "MEDIAN events subscribers=%d: p99 %.1f ms (rounds %s)%n",
                        subscribers,
                        Target.median(p99s),
                        p99s.stream().map(p -> String.format("%.1f", p)).toList());
            }
            return missing == 0 ? 0 : 1;
        } finally {
            streams.forEach(s -> s.body().close());
            readers.shutdownNow();
        }
    }

    /** One round of holds, each a fresh seat; the deliveries missing. */
    private int holdRound(
            long showtime, List<String> seats, Map<String, List<Long>> arrivals, String listenOn, List<Double> p99s)
            throws IOException, InterruptedException {
        long[] sent = new long[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            sent[i] = System.nanoTime();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(server + "/api/v1/holds"))
                            .header("Authorization", Target.token(0))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"showtimeId\":" + showtime + ",\"seatIds\":[\"" + seats.get(i) + "\"]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("hold answered " + answer.statusCode() + ": " + answer.body());
            }
            Thread.sleep(intervalMs);
        }
        Thread.sleep(2_000);
        Histogram latency = new Histogram(60_000_000L, 3);
        int missing = 0;
        for (int i = 0; i < seats.size(); i++) {
            List<Long> seen = arrivals.getOrDefault(round + ":" + seats.get(i), List.of());
            missing += subscribers - seen.size();
            for (long at : seen) {
                latency.recordValue(Math.max(0, (at - sent[i]) / 1_000));
            }
        }
        System.out.printf(
                "events round %d: %d subscribers on %s, %d holds through %s: %s; deliveries %d of %d%n",
                round,
                subscribers,
                listenOn,
                seats.size(),
                server,
                Target.latencies(latency),
                latency.getTotalCount(),
                (long) subscribers * seats.size());
        p99s.add(latency.getValueAtPercentile(99) / 1e3);
        return missing;
    }

    private Void read(HttpResponse<Stream<String>> stream, Map<String, List<Long>> arrivals, CountDownLatch connected) {
        boolean first = true;
        try (Stream<String> lines = stream.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                long now = System.nanoTime();
                if (first && line.startsWith("event:")) {
                    first = false;
                    connected.countDown();
                }
                if (line.startsWith("data:") && line.contains("\"HELD\"")) {
                    JsonNode changes = Target.JSON.readTree(line.substring(5)).path("changes");
                    for (JsonNode change : changes) {
                        if (change.path("status").asText().equals("HELD")) {
                            arrivals.computeIfAbsent(
                                            round + ":" + change.path("seatId").asText(),
                                            s -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(now);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream is closed at the end of the run
        }
        return null;
    }

    private long showtime() throws IOException, InterruptedException {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(1);
        JsonNode list = get("/theaters/1/showtimes?date=" + tomorrow);
        for (JsonNode s : list) {
            if (s.path("auditorium").path("name").asText().equals("Sala 1")) {
                return s.path("id").asLong();
            }
        }
        throw new IllegalStateException("No showtime in Sala 1 tomorrow");
    }

    private List<String> freeSeats(long showtime, int count) throws IOException, InterruptedException {
        List<String> free = new ArrayList<>();
        for (JsonNode seat : get("/showtimes/" + showtime + "/seats").path("seats")) {
            // wheelchair spaces and companion seats are kept for accessible holds (DESIGN §8)
            if (seat.path("status").asText().equals("AVAILABLE")
                    && List.of("STANDARD", "PREMIUM").contains(seat.path("type").asText())
                    && free.size() < count) {
                free.add(seat.path("id").asText());
            }
        }
        return free;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/v1" + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", Target.token(0))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Target.JSON.readTree(answer.body());
    }
}
