package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Soak (issue 9): a realistic mixed workload for {@code --minutes} against a running server, sampling the server JVM's
 * RSS, threads, open file descriptors and the database's connections every {@code --sample-seconds}, with the
 * requests per second by outcome and p50/p99 of each interval. Kiosks hold, change seats, release, order and pay by
 * card (sometimes declined, sometimes retried with the same Idempotency-Key); clerks sell for cash; SSE subscribers
 * follow showtimes and reconnect. Ends with a summary (first / last / max of each resource, growth first third vs last
 * third, answers outside the contract) and an invariant check through JDBC.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description =
                "Mixed workload for N minutes, sampling the server's RSS, threads, fds and DB connections (issue 9).")
final class Soak implements Callable<Integer> {

    private static final String EMAIL = "soak@example.com";

    @Mixin
    Target target;

    @Option(names = "--minutes", defaultValue = "30", description = "Length of the run (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--clerks", defaultValue = "2", description = "Cash-selling clerks (default: ${DEFAULT-VALUE}).")
    int clerks;

    @Option(names = "--subscribers", defaultValue = "4", description = "SSE subscribers (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(
            names = "--sample-seconds",
            defaultValue = "10",
            description = "Between samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--server-pid", description = "The server JVM's pid (default: found by its command line).")
    Long serverPid;

    @Option(names = "--csv", description = "Also write the samples to this CSV file.")
    Path csv;

    @Option(
            names = "--days",
            defaultValue = "5",
            description = "Showtimes of the next N days (from tomorrow) of --theater (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--theater", defaultValue = "1", description = "The kiosks' theater (default: ${DEFAULT-VALUE}).")
    long theater;

    @Option(
            names = "--keep-sold",
            defaultValue = "1500",
            description = "A manager refunds the oldest orders of the run beyond this many, so seats come back and a"
                    + " long run does not sell out; 0: no refunds (default: ${DEFAULT-VALUE}).")
    int keepSold;

    @Option(
            names = "--think-ms",
            defaultValue = "300",
            description = "Up to this pause between a terminal's steps, like a person (default: ${DEFAULT-VALUE}).")
    int thinkMs;

    // ---- counts: interval (reset at every sample) and totals ----

    enum Kind {
        OK,
        REFUSED,
        BUSY,
        UNEXPECTED,
        IO_ERROR
    }

    private final LongAdder[] interval = adders();
    private final LongAdder[] totals = adders();
    private final Recorder intervalLatency = new Recorder(60_000_000L, 3);
    private final Map<String, Histogram> latencyByRequest = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unexpectedByRequest = new ConcurrentHashMap<>();
    private final Map<String, String> unexpectedSample = new ConcurrentHashMap<>();
    private final LongAdder sales = new LongAdder();
    private final LongAdder cardSales = new LongAdder();
    private final LongAdder cashSales = new LongAdder();
    private final LongAdder declines = new LongAdder();
    private final LongAdder releases = new LongAdder();
    private final LongAdder seatChanges = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder retryMismatches = new LongAdder();
    private final LongAdder sseEvents = new LongAdder();
    private final LongAdder sseConnects = new LongAdder();
    private final LongAdder sseDrops = new LongAdder();
    private final LongAdder movedOn = new LongAdder();

    private List<Long> showtimes;
    // showtime → when a terminal found it (nearly) sold out; it is left alone for a minute (refunds free seats)
    private final Map<Long, Long> soldOut = new ConcurrentHashMap<>();
    private volatile boolean bestAvailable = true;
    // paid orders, oldest first, that the manager may refund once more than --keep-sold are waiting
    private final java.util.concurrent.ConcurrentLinkedQueue<String> paidOrders =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final LongAdder refunds = new LongAdder();
    private volatile long deadline;

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Kind.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** One sample of the server process, its database and the interval's traffic. */
    record Sample(
            Instant at,
            double elapsed,
            long rssKb,
            long threads,
            long fds,
            long dbConnections,
            Map<String, Long> dbByState,
            double requestsPerSecond,
            double okPerSecond,
            double refusedPerSecond,
            double busyPerSecond,
            long unexpected,
            long ioErrors,
            double p50Ms,
            double p99Ms,
            long sales,
            long sseEvents,
            double serverCpuSeconds,
            double loadAverage) {}

    @Override
    public Integer call() throws Exception {
        long pid = serverPid != null ? serverPid : findServerPid();
        showtimes = showtimes();
        System.out.printf(
                "soak: %s pid %d, %.1f min, %d kiosks, %d clerks, %d SSE subscribers, %d showtimes over %d days,"
                        + " sample every %d s%n",
                target.server,
                pid,
                minutes,
                target.clients,
                clerks,
                subscribers,
                showtimes.size(),
                days,
                sampleSeconds);
        List<String> clerkTokens = clerkTerminals();
        long start = System.nanoTime();
        deadline = start + (long) (minutes * 60e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < target.clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().name("kiosk-" + c).start(() -> loop(() -> kiosk(client))));
        }
        for (int c = 0; c < clerkTokens.size(); c++) {
            int clerk = c;
            String token = clerkTokens.get(c);
            threads.add(Thread.ofVirtual().name("clerk-" + c).start(() -> loop(() -> clerk(clerk, token))));
        }
        if (keepSold > 0) {
            threads.add(Thread.ofVirtual().name("manager").start(() -> loop(this::manager)));
        }
        for (int s = 0; s < subscribers; s++) {
            int subscriber = s;
            threads.add(Thread.ofVirtual().name("sse-" + s).start(() -> loop(() -> subscribe(subscriber))));
        }
        List<Sample> samples = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(target.jdbc, target.dbUser, target.dbPassword);
                PrintWriter out = csv == null ? null : new PrintWriter(Files.newBufferedWriter(csv))) {
            if (out != null) {
                out.println("time,elapsed_s,rss_kb,threads,fds,db_connections,db_active,db_idle,db_idle_in_tx,"
                        + "db_other,requests_per_s,ok_per_s,refused_per_s,busy_per_s,unexpected,io_errors,"
                        + "p50_ms,p99_ms,sales_total,sse_events_total,server_cpu_s_total,load_avg_1m");
            }
            System.out.println(
                    "   time  elapsed  rss_MB threads  fds  db(act/idle/idle_tx/other)    req/s   ok/s  refused/s"
                            + " busy/s unexp io_err  p50_ms  p99_ms  sales  cpu_s  load");
            long last = start;
            intervalLatency.reset();
            resetInterval();
            for (long next = start + sampleSeconds * 1_000_000_000L; ; next += sampleSeconds * 1_000_000_000L) {
                long sleep = Math.min(next, deadline) - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                long now = System.nanoTime();
                Sample sample = sample(pid, db, (now - start) / 1e9, (now - last) / 1e9);
                last = now;
                samples.add(sample);
                print(sample, out);
                if (now >= deadline) {
                    break;
                }
            }
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        int problems = summary(samples);
        problems += invariants();
        return problems == 0 ? 0 : 1;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Runs a terminal's loop until the deadline; an exception (server gone, bug) is counted and the loop goes on. */
    private void loop(Body body) {
        while (System.nanoTime() < deadline) {
            try {
                body.run();
            } catch (IOException e) {
                count(Kind.IO_ERROR);
                unexpected("I/O " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                pause(500);
            } catch (Exception e) {
                count(Kind.UNEXPECTED);
                unexpected("exception " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                pause(500);
            }
        }
    }

    // ---- the terminals ----

    /** What a terminal remembers of a showtime's seat map, to ask with If-None-Match. */
    private static final class MapCache {
        final Map<Long, String> etags = new ConcurrentHashMap<>();
        final Map<Long, JsonNode> maps = new ConcurrentHashMap<>();
    }

    /** One kiosk customer: seat map, hold 1–4, maybe change seats, release or order, pay by card. */
    private void kiosk(int client) throws Exception {
        MiniHttp http = target.connection(client);
        SplittableRandom random = random(client);
        MapCache cache = caches.computeIfAbsent("kiosk-" + client, k -> new MapCache());
        long showtime = pickShowtime(random);
        if (showtime < 0) {
            return;
        }
        List<String> free = seatMap(http, cache, showtime, random);
        if (free.size() < 12) {
            markSoldOut(showtime);
            return;
        }
        think(random);
        int count = 1 + random.nextInt(4);
        boolean best = bestAvailable && random.nextInt(4) == 0;
        String hold = best
                ? "{\"showtimeId\":" + showtime + ",\"count\":" + count + "}"
                : "{\"showtimeId\":" + showtime + ",\"seatIds\":" + json(adjacent(free, count, random)) + "}";
        MiniHttp.Answer held = best
                ? call("POST /holds best available", http, "POST", "/holds", key(), hold, 201, 409, 422)
                : call("POST /holds", http, "POST", "/holds", key(), hold, 201, 409);
        if (best && held.status() == 422) {
            // a server without DESIGN §8's best available: from now on, seats chosen on the map only
            bestAvailable = false;
            return;
        }
        if (held.status() != 201) {
            think(random);
            return;
        }
        JsonNode h = Target.JSON.readTree(held.body());
        String holdId = h.path("holdId").asText();
        List<String> seats = texts(h.path("seatIds"));
        think(random);
        if (random.nextInt(4) == 0) {
            List<String> other = adjacent(free, 1 + random.nextInt(4), random);
            MiniHttp.Answer changed = call(
                    "PUT /holds/{id}/seats",
                    http,
                    "PUT",
                    "/holds/" + holdId + "/seats",
                    key(),
                    "{\"seatIds\":" + json(other) + "}",
                    200,
                    409);
            if (changed.status() == 200) {
                seatChanges.increment();
                seats = texts(Target.JSON.readTree(changed.body()).path("seatIds"));
            }
            think(random);
        }
        if (random.nextInt(5) == 0) {
            call("DELETE /holds/{id}", http, "DELETE", "/holds/" + holdId, key(), null, 204);
            releases.increment();
            return;
        }
        Order order = order(http, holdId, seats, random, random.nextBoolean() ? EMAIL : null);
        if (order == null) {
            return;
        }
        think(random);
        boolean declined = random.nextInt(10) == 0;
        String body = "{\"method\":\"CARD\",\"amountMinor\":" + order.total() + ",\"cardToken\":\""
                + (declined ? "tok_declined" : "tok_visa") + "\"}";
        int status = pay("POST /orders/{id}/payments CARD", http, order.id(), body, random);
        if (status == 402) {
            declines.increment();
            think(random);
            body = "{\"method\":\"CARD\",\"amountMinor\":" + order.total() + ",\"cardToken\":\"tok_visa\"}";
            status = pay("POST /orders/{id}/payments CARD", http, order.id(), body, random);
        }
        if (status == 200 || status == 202) {
            sales.increment();
            cardSales.increment();
            paidOrders.add(order.id());
        }
        think(random);
    }

    /** One clerk's sale at the counter: seat map, hold 1–6, order with mixed ticket types, pay cash. */
    private void clerk(int clerk, String terminalToken) throws Exception {
        MiniHttp http = clerkConnections.computeIfAbsent(clerk, c -> new MiniHttp(target.server, terminalToken));
        if (!signedIn.contains(clerk)) {
            http.authorization(terminalToken);
            MiniHttp.Answer session = call(
                    "POST /sessions", http, "POST", "/sessions", "", "{\"username\":\"alice\",\"pin\":\"1234\"}", 201);
            if (session.status() != 201) {
                pause(2_000);
                return;
            }
            http.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            signedIn.add(clerk);
        }
        SplittableRandom random = random(10_000 + clerk);
        MapCache cache = caches.computeIfAbsent("clerk-" + clerk, k -> new MapCache());
        long showtime = pickShowtime(random);
        if (showtime < 0) {
            return;
        }
        List<String> free = seatMap(http, cache, showtime, random);
        if (free.size() < 12) {
            markSoldOut(showtime);
            return;
        }
        think(random);
        List<String> seats = adjacent(free, 1 + random.nextInt(6), random);
        MiniHttp.Answer held = call(
                "POST /holds (clerk)",
                http,
                "POST",
                "/holds",
                key(),
                "{\"showtimeId\":" + showtime + ",\"seatIds\":" + json(seats) + "}",
                201,
                409,
                401);
        if (held.status() == 401) {
            signedIn.remove(clerk);
            return;
        }
        if (held.status() != 201) {
            return;
        }
        JsonNode h = Target.JSON.readTree(held.body());
        Order order = order(http, h.path("holdId").asText(), texts(h.path("seatIds")), random, null);
        if (order == null) {
            return;
        }
        think(random);
        long tendered = random.nextBoolean() ? order.total() : (order.total() / 500 + 1) * 500;
        String body = "{\"method\":\"CASH\",\"amountMinor\":" + order.total() + ",\"tenderedMinor\":" + tendered + "}";
        int status = pay("POST /orders/{id}/payments CASH", http, order.id(), body, random);
        if (status == 200) {
            sales.increment();
            cashSales.increment();
            paidOrders.add(order.id());
        }
        think(random);
    }

    private MiniHttp managerHttp;
    private boolean managerSignedIn;

    /** The manager (morgan, on demo-counter-1) refunds the oldest paid orders beyond --keep-sold. */
    private void manager() throws Exception {
        if (managerHttp == null) {
            managerHttp = new MiniHttp(target.server, "Bearer demo-counter-1");
        }
        if (!managerSignedIn) {
            managerHttp.authorization("Bearer demo-counter-1");
            MiniHttp.Answer session = call(
                    "POST /sessions",
                    managerHttp,
                    "POST",
                    "/sessions",
                    "",
                    "{\"username\":\"morgan\",\"pin\":\"9999\"}",
                    201);
            if (session.status() != 201) {
                pause(2_000);
                return;
            }
            managerHttp.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            managerSignedIn = true;
        }
        if (paidOrders.size() <= keepSold) {
            pause(500);
            return;
        }
        String orderId = paidOrders.poll();
        MiniHttp.Answer refunded = call(
                "POST /orders/{id}/refund",
                managerHttp,
                "POST",
                "/orders/" + orderId + "/refund",
                key(),
                "{}",
                200,
                202,
                401);
        if (refunded.status() == 401) {
            managerSignedIn = false;
            paidOrders.add(orderId);
        } else if (refunded.status() < 300) {
            refunds.increment();
        }
    }

    /** An order just made: its id and total. */
    private record Order(String id, long total) {}

    private Order order(MiniHttp http, String holdId, List<String> seats, SplittableRandom random, String email)
            throws IOException {
        StringBuilder tickets = new StringBuilder("[");
        String[] types = {"ADULT", "ADULT", "ADULT", "CHILD", "SENIOR"};
        for (String seat : seats) {
            tickets.append(tickets.length() > 1 ? "," : "")
                    .append("{\"seatId\":\"")
                    .append(seat)
                    .append("\",\"type\":\"")
                    .append(types[random.nextInt(types.length)])
                    .append("\"}");
        }
        String body = "{\"holdId\":\"" + holdId + "\",\"tickets\":" + tickets + "]"
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
        MiniHttp.Answer created = call("POST /orders", http, "POST", "/orders", key(), body, 201, 409);
        if (created.status() != 201) {
            return null;
        }
        JsonNode order = Target.JSON.readTree(created.body());
        return new Order(
                order.path("orderId").asText(), order.path("totalMinor").asLong());
    }

    /** Pays with a fresh Idempotency-Key; sometimes sends the same request again with the same key. */
    private int pay(String label, MiniHttp http, String orderId, String body, SplittableRandom random)
            throws IOException {
        String key = key();
        String path = "/orders/" + orderId + "/payments";
        MiniHttp.Answer first = call(label, http, "POST", path, key, body, 200, 202, 402, 409);
        if (random.nextInt(6) == 0) {
            retries.increment();
            MiniHttp.Answer again = call(label + " retry", http, "POST", path, key, body, 200, 202, 402, 409);
            if (again.status() != first.status()) {
                retryMismatches.increment();
                unexpected(
                        label + " retry answered " + again.status() + " after " + first.status(),
                        String.valueOf(again.body()));
            }
        }
        return first.status();
    }

    private final Map<String, MapCache> caches = new ConcurrentHashMap<>();
    private final Map<Integer, MiniHttp> clerkConnections = new ConcurrentHashMap<>();
    private final Set<Integer> signedIn = ConcurrentHashMap.newKeySet();

    /** The seats a customer may pick (AVAILABLE, standard or premium, no restriction), with or without a validator. */
    private List<String> seatMap(MiniHttp http, MapCache cache, long showtime, SplittableRandom random)
            throws IOException {
        String etag = random.nextBoolean() ? cache.etags.get(showtime) : null;
        MiniHttp.Answer answer = call(
                etag == null ? "GET /showtimes/{id}/seats" : "GET /showtimes/{id}/seats If-None-Match",
                http,
                "GET",
                "/showtimes/" + showtime + "/seats",
                etag == null ? "" : "If-None-Match: " + etag + "\r\n",
                null,
                200,
                304);
        JsonNode map;
        if (answer.status() == 304 && cache.maps.containsKey(showtime)) {
            map = cache.maps.get(showtime);
        } else if (answer.status() == 200) {
            map = Target.JSON.readTree(answer.body());
            cache.maps.put(showtime, map);
            if (answer.etag() != null) {
                cache.etags.put(showtime, answer.etag());
            }
        } else {
            return List.of();
        }
        List<String> free = new ArrayList<>();
        for (JsonNode seat : map.path("seats")) {
            String type = seat.path("type").asText();
            if (seat.path("status").asText().equals("AVAILABLE")
                    && seat.path("restriction").isMissingNode()
                    && (type.equals("STANDARD") || type.equals("PREMIUM"))) {
                free.add(seat.path("id").asText());
            }
        }
        return free;
    }

    /** {@code count} free seats side by side in one row when there are (ids like F7), else any free ones. */
    private static List<String> adjacent(List<String> free, int count, SplittableRandom random) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String first = free.get(random.nextInt(free.size()));
            String row = first.replaceAll("[0-9]+$", "");
            int number;
            try {
                number = Integer.parseInt(first.substring(row.length()));
            } catch (NumberFormatException e) {
                break;
            }
            List<String> run = new ArrayList<>();
            for (int n = number; run.size() < count && free.contains(row + n); n++) {
                run.add(row + n);
            }
            if (run.size() == count) {
                return run;
            }
        }
        List<String> any = new ArrayList<>(free);
        Collections.shuffle(any, new java.util.Random(random.nextLong()));
        return List.copyOf(any.subList(0, Math.min(count, any.size())));
    }

    /** A showtime not found sold out in the last minute, or -1 after a pause when there is none. */
    private long pickShowtime(SplittableRandom random) {
        long now = System.nanoTime();
        soldOut.values().removeIf(at -> now - at > 60_000_000_000L);
        List<Long> open =
                showtimes.stream().filter(s -> !soldOut.containsKey(s)).toList();
        if (open.isEmpty()) {
            allSoldOut.increment();
            pause(1_000);
            return -1;
        }
        return open.get(random.nextInt(open.size()));
    }

    private final LongAdder allSoldOut = new LongAdder();

    private void markSoldOut(long showtime) {
        if (soldOut.putIfAbsent(showtime, System.nanoTime()) == null) {
            movedOn.increment();
        }
    }

    /** An SSE subscriber on one showtime; when the stream ends (or after a few minutes), it connects again. */
    private void subscribe(int subscriber) throws Exception {
        SplittableRandom random = random(20_000 + subscriber + (int) sseConnects.sum());
        long showtime = showtimes.get(random.nextInt(showtimes.size()));
        long until = Math.min(deadline, System.nanoTime() + (60 + random.nextInt(240)) * 1_000_000_000L);
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
            sseDrops.increment();
            throw e;
        }
        tally("GET /showtimes/{id}/events (connect)", stream.statusCode(), System.nanoTime() - begin, "", 200);
        if (stream.statusCode() != 200) {
            stream.body().close();
            pause(1_000);
            return;
        }
        sseConnects.increment();
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
                    sseEvents.increment();
                }
            }
            if (System.nanoTime() < until - 1_000_000_000L) {
                sseDrops.increment();
            }
        } catch (java.io.UncheckedIOException e) {
            if (System.nanoTime() < until - 1_000_000_000L) {
                sseDrops.increment();
            }
        } finally {
            closer.interrupt();
        }
    }

    // ---- requests and their counts ----

    private MiniHttp.Answer call(
            String label, MiniHttp http, String method, String path, String headers, String body, int... expected)
            throws IOException {
        long begin = System.nanoTime();
        MiniHttp.Answer answer;
        try {
            answer = http.exchange(method, path, headers, body);
        } catch (IOException e) {
            http.close();
            throw e;
        }
        tally(label, answer.status(), System.nanoTime() - begin, answer.body(), expected);
        return answer;
    }

    private void tally(String label, int status, long nanos, String body, int... expected) {
        long micros = Math.min(nanos / 1_000, 59_999_999L);
        intervalLatency.recordValue(micros);
        latencyByRequest
                .computeIfAbsent(label, l -> new ConcurrentHistogram(60_000_000L, 3))
                .recordValue(micros);
        boolean contract = false;
        for (int e : expected) {
            contract |= e == status;
        }
        if (status == 429 || status == 503) {
            count(Kind.BUSY);
        } else if (!contract) {
            count(Kind.UNEXPECTED);
            unexpected(label + " " + status, body);
        } else if (status < 400) {
            count(Kind.OK);
        } else {
            count(Kind.REFUSED);
        }
    }

    private void count(Kind kind) {
        interval[kind.ordinal()].increment();
        totals[kind.ordinal()].increment();
    }

    private void unexpected(String what, String sample) {
        unexpectedByRequest.computeIfAbsent(what, w -> new LongAdder()).increment();
        if (sample != null) {
            unexpectedSample.putIfAbsent(what, sample.length() > 300 ? sample.substring(0, 300) : sample);
        }
    }

    private static String key() {
        return "Idempotency-Key: " + UUID.randomUUID() + "\r\n";
    }

    // ---- setup ----

    /** Showtimes of --theater from tomorrow on for --days days, that start in the future and are on sale. */
    private List<Long> showtimes() throws IOException, InterruptedException {
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
        return ids;
    }

    /**
     * Counter terminals for the clerks: {@code demo-counter-1}, and for more clerks new COUNTER terminals that the demo
     * manager (morgan) creates through {@code POST /admin/terminals} (a terminal holds one hold at a time). No long run
     * of digits in the name: the server refuses anything that looks like a card number.
     */
    private List<String> clerkTerminals() throws IOException {
        List<String> tokens = new ArrayList<>();
        if (clerks <= 0) {
            return tokens;
        }
        tokens.add("Bearer demo-counter-1");
        if (clerks == 1) {
            return tokens;
        }
        try (MiniHttp manager = new MiniHttp(target.server, "Bearer demo-counter-1")) {
            MiniHttp.Answer session =
                    manager.exchange("POST", "/sessions", "", "{\"username\":\"morgan\",\"pin\":\"9999\"}");
            if (session.status() != 201) {
                throw new IllegalStateException("manager sign-in answered " + session.status() + ": " + session.body());
            }
            manager.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            for (int c = 1; c < clerks; c++) {
                MiniHttp.Answer created = manager.exchange(
                        "POST",
                        "/admin/terminals",
                        key(),
                        "{\"name\":\"Soak counter " + c + " "
                                + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"kind\":\"COUNTER\","
                                + "\"theaterId\":" + theater + "}");
                if (created.status() == 404) {
                    System.out.printf(
                            "no admin API on this server (POST /admin/terminals answered 404): one clerk, on"
                                    + " demo-counter-1, instead of %d%n",
                            clerks);
                    break;
                }
                if (created.status() != 201) {
                    throw new IllegalStateException(
                            "POST /admin/terminals answered " + created.status() + ": " + created.body());
                }
                tokens.add("Bearer "
                        + Target.JSON.readTree(created.body()).path("token").asText());
            }
        }
        return tokens;
    }

    /** The server JVM: a java process whose command line names the sync server and the --server URL's port. */
    private long findServerPid() throws IOException {
        int port = URI.create(target.server).getPort();
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] args;
                try {
                    args = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
                } catch (IOException e) {
                    continue;
                }
                if (args.length == 0
                        || !args[0].endsWith("java")
                        || !String.join(" ", args).contains("marquee-sync-server")) {
                    continue;
                }
                String portArg = null;
                for (int i = 0; i < args.length; i++) {
                    if (args[i].equals("--port") && i + 1 < args.length) {
                        portArg = args[i + 1];
                    } else if (args[i].startsWith("--port=")) {
                        portArg = args[i].substring(7);
                    }
                }
                if (String.valueOf(port).equals(portArg) || (portArg == null && port == 8080)) {
                    found.add(Long.parseLong(name));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("found server JVMs " + found + " for port " + port + "; pass --server-pid");
        }
        return found.getFirst();
    }

    // ---- samples ----

    private void resetInterval() {
        for (LongAdder a : interval) {
            a.reset();
        }
    }

    private Sample sample(long pid, Connection db, double elapsed, double seconds) throws IOException, SQLException {
        long rss = -1;
        long threads = -1;
        Path proc = Path.of("/proc/" + pid);
        if (!Files.exists(proc)) {
            throw new IllegalStateException("the server process " + pid + " is gone");
        }
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long fds;
        try (Stream<Path> list = Files.list(proc.resolve("fd"))) {
            fds = list.count();
        }
        // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux)
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        double load =
                Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        Map<String, Long> byState = new TreeMap<>();
        long connections = 0;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(state, 'none'), count(*) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid() group by 1")) {
            while (rs.next()) {
                byState.put(rs.getString(1), rs.getLong(2));
                connections += rs.getLong(2);
            }
        }
        long[] counts = new long[Kind.values().length];
        for (Kind k : Kind.values()) {
            counts[k.ordinal()] = interval[k.ordinal()].sumThenReset();
        }
        Histogram latency = intervalLatency.getIntervalHistogram();
        long all = 0;
        for (long c : counts) {
            all += c;
        }
        return new Sample(
                Instant.now(),
                elapsed,
                rss,
                threads,
                fds,
                connections,
                byState,
                all / seconds,
                counts[Kind.OK.ordinal()] / seconds,
                counts[Kind.REFUSED.ordinal()] / seconds,
                counts[Kind.BUSY.ordinal()] / seconds,
                counts[Kind.UNEXPECTED.ordinal()],
                counts[Kind.IO_ERROR.ordinal()],
                latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(50) / 1e3,
                latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(99) / 1e3,
                sales.sum(),
                sseEvents.sum(),
                cpu,
                load);
    }

    private static void print(Sample s, PrintWriter csv) {
        long active = s.dbByState().getOrDefault("active", 0L);
        long idle = s.dbByState().getOrDefault("idle", 0L);
        long idleTx = s.dbByState().getOrDefault("idle in transaction", 0L);
        long other = s.dbConnections() - active - idle - idleTx;
        System.out.printf(
                Locale.ROOT,
                "%s %7.0fs %7.1f %7d %4d  %3d (%d/%d/%d/%d) %18s %8.1f %6.1f %10.1f %6.1f %5d %6d %7.2f %7.2f %6d %6.1f %5.2f%n",
                s.at().toString().substring(11, 19),
                s.elapsed(),
                s.rssKb() / 1024.0,
                s.threads(),
                s.fds(),
                s.dbConnections(),
                active,
                idle,
                idleTx,
                other,
                "",
                s.requestsPerSecond(),
                s.okPerSecond(),
                s.refusedPerSecond(),
                s.busyPerSecond(),
                s.unexpected(),
                s.ioErrors(),
                s.p50Ms(),
                s.p99Ms(),
                s.sales(),
                s.serverCpuSeconds(),
                s.loadAverage());
        if (csv != null) {
            csv.printf(
                    Locale.ROOT,
                    "%s,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%.2f,%.2f,%d,%d,%.2f,%.2f%n",
                    s.at(),
                    s.elapsed(),
                    s.rssKb(),
                    s.threads(),
                    s.fds(),
                    s.dbConnections(),
                    active,
                    idle,
                    idleTx,
                    other,
                    s.requestsPerSecond(),
                    s.okPerSecond(),
                    s.refusedPerSecond(),
                    s.busyPerSecond(),
                    s.unexpected(),
                    s.ioErrors(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.sales(),
                    s.sseEvents(),
                    s.serverCpuSeconds(),
                    s.loadAverage());
            csv.flush();
        }
    }

    /** Prints the summary; returns the number of problems (answers outside the contract count as one). */
    private int summary(List<Sample> samples) {
        System.out.println();
        System.out.println("SUMMARY");
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(
                "rss_MB", samples.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        series.put("threads", samples.stream().mapToDouble(Sample::threads).toArray());
        series.put("fds", samples.stream().mapToDouble(Sample::fds).toArray());
        series.put(
                "db_connections",
                samples.stream().mapToDouble(Sample::dbConnections).toArray());
        // a resource "grows" when the median of the last third is above the first third's by more than this
        Map<String, Double> slack = Map.of("rss_MB", 32.0, "threads", 5.0, "fds", 5.0, "db_connections", 1.0);
        int growing = 0;
        for (var e : series.entrySet()) {
            double[] v = e.getValue();
            int third = Math.max(1, v.length / 3);
            double early = median(v, 0, third);
            double late = median(v, v.length - third, v.length);
            double max = 0;
            for (double x : v) {
                max = Math.max(max, x);
            }
            boolean grows = v.length >= 6 && late - early > Math.max(slack.get(e.getKey()), 0.10 * early);
            growing += grows ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "%-15s first %8.1f  last %8.1f  max %8.1f  median first third %8.1f  last third %8.1f  %s%n",
                    e.getKey(),
                    v[0],
                    v[v.length - 1],
                    max,
                    early,
                    late,
                    grows ? "GROWS" : "steady");
        }
        double seconds = samples.isEmpty() ? 1 : samples.getLast().elapsed();
        long all = 0;
        for (LongAdder t : totals) {
            all += t.sum();
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        latencyByRequest.values().forEach(latency::add);
        System.out.printf(
                Locale.ROOT,
                "requests %d in %.0f s = %.1f/s: ok %d, refused (409/402 in contract) %d, busy (429/503) %d,"
                        + " outside the contract %d, I/O errors %d%n",
                all,
                seconds,
                all / seconds,
                totals[Kind.OK.ordinal()].sum(),
                totals[Kind.REFUSED.ordinal()].sum(),
                totals[Kind.BUSY.ordinal()].sum(),
                totals[Kind.UNEXPECTED.ordinal()].sum(),
                totals[Kind.IO_ERROR.ordinal()].sum());
        System.out.printf(Locale.ROOT, "latency, all requests: %s%n", Target.latencies(latency));
        if (samples.size() > 1) {
            double cpu =
                    samples.getLast().serverCpuSeconds() - samples.getFirst().serverCpuSeconds();
            double wall = samples.getLast().elapsed() - samples.getFirst().elapsed();
            System.out.printf(
                    Locale.ROOT,
                    "server JVM CPU %.0f s in %.0f s (%.2f core); 1-minute load average first %.2f, last %.2f%n",
                    cpu,
                    wall,
                    cpu / wall,
                    samples.getFirst().loadAverage(),
                    samples.getLast().loadAverage());
        }
        new TreeMap<>(latencyByRequest)
                .forEach((label, h) -> System.out.printf(
                        Locale.ROOT, "  %-48s n=%-7d %s%n", label, h.getTotalCount(), Target.latencies(h)));
        System.out.printf(
                "sales %d (card %d, cash %d), declines %d, seat changes %d, releases %d, payment retries with the"
                        + " same key %d (different answer: %d), refunds by the manager %d, showtimes found sold out %d times"
                        + " (of %d; all sold out %d times), best available %s%n",
                sales.sum(),
                cardSales.sum(),
                cashSales.sum(),
                declines.sum(),
                seatChanges.sum(),
                releases.sum(),
                retries.sum(),
                retryMismatches.sum(),
                refunds.sum(),
                movedOn.sum(),
                showtimes.size(),
                allSoldOut.sum(),
                bestAvailable ? "used" : "not offered by the server (422), seats chosen on the map only");
        System.out.printf(
                "SSE: %d connections, %d events, %d dropped by the server before the client left%n",
                sseConnects.sum(), sseEvents.sum(), sseDrops.sum());
        if (unexpectedByRequest.isEmpty()) {
            System.out.println("answers outside the contract: none");
        } else {
            System.out.println("answers outside the contract, or errors:");
            new TreeMap<>(unexpectedByRequest)
                    .forEach((what, n) -> System.out.printf(
                            "  %6d  %s  e.g. %s%n", n.sum(), what, unexpectedSample.getOrDefault(what, "")));
        }
        System.out.printf(
                "resources growing: %d of 4; answers outside the contract: %d%n",
                growing, totals[Kind.UNEXPECTED.ordinal()].sum());
        return (totals[Kind.UNEXPECTED.ordinal()].sum() > 0 ? 1 : 0) + (retryMismatches.sum() > 0 ? 1 : 0);
    }

    private static double median(double[] v, int from, int to) {
        List<Double> part = new ArrayList<>();
        for (int i = from; i < to; i++) {
            part.add(v[i]);
        }
        return Target.median(part);
    }

    /** The invariant check at the end, through JDBC; returns the number of violated invariants. */
    private int invariants() throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("seat sold twice (two PAID orders with one showtime seat)", """
                select count(*) from (
                  select o.showtime_id, t.seat_id from order_tickets t join orders o on o.id = t.order_id
                   where o.status = 'PAID' group by 1, 2 having count(*) > 1) x""");
        checks.put("PAID order's seat not SOLD to that order's hold", """
                select count(*) from order_tickets t join orders o on o.id = t.order_id
                  left join seat_claims c on c.showtime_id = o.showtime_id and c.seat_id = t.seat_id
                 where o.status = 'PAID' and (c.state is distinct from 'SOLD' or c.hold_id is distinct from o.hold_id)""");
        checks.put("SOLD seat without a PAID order", """
                select count(*) from seat_claims c
                 where c.state = 'SOLD' and not exists (
                   select 1 from orders o join order_tickets t on t.order_id = o.id
                    where o.hold_id = c.hold_id and t.seat_id = c.seat_id and o.status = 'PAID')""");
        checks.put("payment APPROVED without its order PAID", """
                select count(*) from payments p join orders o on o.id = p.order_id
                 where p.status = 'APPROVED' and o.status <> 'PAID'""");
        checks.put("payment STARTED older than a minute", """
                select count(*) from payments where status = 'STARTED' and created_at < now() - interval '1 minute'""");
        checks.put("payment REFUND_DUE older than a minute", """
                select count(*) from payments
                 where status = 'REFUND_DUE' and created_at < now() - interval '1 minute'""");
        int violated = 0;
        System.out.println("INVARIANTS (through JDBC, at the end):");
        try (Connection db = DriverManager.getConnection(target.jdbc, target.dbUser, target.dbPassword);
                Statement st = db.createStatement()) {
            for (var check : checks.entrySet()) {
                try (ResultSet rs = st.executeQuery(check.getValue())) {
                    rs.next();
                    long n = rs.getLong(1);
                    violated += n > 0 ? 1 : 0;
                    System.out.printf("  %-60s %d %s%n", check.getKey(), n, n == 0 ? "ok" : "VIOLATED");
                }
            }
            try (ResultSet rs = st.executeQuery("select status, count(*) from orders group by 1 order by 1")) {
                StringBuilder text = new StringBuilder();
                while (rs.next()) {
                    text.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(' ');
                }
                System.out.println(
                        "  orders in the database: " + text.toString().trim());
            }
            try (ResultSet rs =
                    st.executeQuery("select method || ' ' || status, count(*) from payments group by 1 order by 1")) {
                StringBuilder text = new StringBuilder();
                while (rs.next()) {
                    text.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(", ");
                }
                System.out.println("  payments in the database: " + text);
            }
        }
        System.out.println("invariants " + (violated == 0 ? "held" : "VIOLATED (" + violated + ")"));
        return violated;
    }

    // ---- small things ----

    private static SplittableRandom random(int seed) {
        return new SplittableRandom(seed * 7919L + System.nanoTime());
    }

    private void think(SplittableRandom random) {
        if (thinkMs > 0) {
            pause(random.nextInt(thinkMs + 1));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(List<String> ids) {
        return ids.isEmpty() ? "[]" : "[\"" + String.join("\",\"", ids) + "\"]";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
