package org.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every bench shares: the server, its database, the showtime under load, and how figures are printed. */
final class Target {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The command this mixin is part of, for errors about its options. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Refuses a seat count below one, before anything is asked of the server: no seat to fight over is no workload. */
    void atLeastOneSeat(String option, int count) {
        if (count < 1) {
            throw new ParameterException(
                    command.commandLine(), option + " must be at least 1 (seats to hold); " + count + " was given.");
        }
    }

    @Option(
            names = "--server",
            defaultValue = "http://localhost:8080",
            description = "Server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(
            names = "--jdbc",
            required = true,
            description = "JDBC URL of the server's database (its log line event=database_ready jdbcUrl=...).")
    String jdbc;

    @Option(names = "--db-user", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:MARQUEE_DB_PASSWORD:-postgres}",
            description = "Database password (MARQUEE_DB_PASSWORD; default postgres, as the embedded database).")
    String dbPassword;

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "Measured seconds per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            description = "Unmeasured seconds before each phase (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Rounds of all phases side by side; medians are printed (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--pool",
            description = "JDBC pool of the raw-SQL phase (default: the server's default, 2 x processors, at least 4).")
    Integer pool;

    @Option(names = "--showtime", description = "Showtime id (default: tomorrow's first in Sala 1 of theater 1).")
    Long showtime;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private MiniHttp[] connections;

    /** Client {@code client}'s own keep-alive connection, with its own terminal token. */
    synchronized MiniHttp connection(int client) {
        if (connections == null) {
            connections = new MiniHttp[clients];
        }
        if (connections[client] == null) {
            connections[client] = new MiniHttp(server, token(client));
        }
        return connections[client];
    }

    int poolSize() {
        return pool != null ? pool : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    HikariDataSource dataSource(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        config.setJdbcUrl(jdbc);
        config.setUsername(dbUser);
        config.setPassword(dbPassword);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    static String token(int client) {
        return "Bearer demo-kiosk-" + (client + 1);
    }

    HttpRequest.Builder request(String path, int client) {
        return HttpRequest.newBuilder(URI.create(server + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token(client));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path, 0).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The showtime under load: --showtime, or tomorrow's first showtime in "Sala 1" of theater 1. */
    long showtimeId() throws IOException, InterruptedException {
        if (showtime != null) {
            return showtime;
        }
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(1);
        JsonNode list = get("/theaters/1/showtimes?date=" + tomorrow);
        String best = null;
        long id = -1;
        for (JsonNode s : list) {
            if (s.path("auditorium").path("name").asText().equals("Sala 1")
                    && (best == null || s.path("startsAt").asText().compareTo(best) < 0)) {
                best = s.path("startsAt").asText();
                id = s.path("id").asLong();
            }
        }
        if (id < 0) {
            throw new IllegalStateException("No showtime in Sala 1 of theater 1 on " + tomorrow + "; pass --showtime");
        }
        return id;
    }

    /** {@code count} seats of the showtime that are available now, chosen with a fixed seed. */
    List<String> hotSeats(long showtimeId, int count) throws IOException, InterruptedException {
        List<String> free = new ArrayList<>();
        for (JsonNode seat : get("/showtimes/" + showtimeId + "/seats").path("seats")) {
            if (seat.path("status").asText().equals("AVAILABLE")) {
                free.add(seat.path("id").asText());
            }
        }
        if (free.isEmpty()) {
            throw new IllegalStateException("Showtime " + showtimeId + " has no available seat left to hold.");
        }
        Collections.shuffle(free, new Random(42));
        return List.copyOf(free.subList(0, Math.min(count, free.size())));
    }

    static String latencies(Histogram h) {
        return String.format(
                "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(95) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
