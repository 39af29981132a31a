package org.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.MarqueeServer;
import org.marquee.server.ServerConfig;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.orders.RefundRetryPolicy;
import org.marquee.server.tickets.MailSettings;

/** A real sync server with the demo fixture on its own test database, on a free port. */
public final class TestServer implements AutoCloseable {

    /**
     * The data directory of every test server in this JVM: it holds the ticket key secret, so that two instances on one
     * database (as behind a load balancer) open each other's ticket keys, and nothing is written into the source tree.
     */
    public static final Path DATA_DIR = dataDir();

    private static Path dataDir() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("marquee-test-server");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final MarqueeServer server;
    private final String jdbcUrl;

    private TestServer(MarqueeServer server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    /** Options of a test server; tests change the ones they care about. */
    public record Options(
            Duration holdTtl,
            Duration holdMaxTotal,
            int kiosks,
            Duration sweepInterval,
            int poolSize,
            Duration paymentTimeout,
            MailSettings mail,
            Duration sseHeartbeat,
            Duration refundRetryBase) {

        public Options(
                Duration holdTtl,
                Duration holdMaxTotal,
                int kiosks,
                Duration sweepInterval,
                int poolSize,
                Duration paymentTimeout,
                MailSettings mail,
                Duration sseHeartbeat) {
            this(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    sseHeartbeat,
                    RefundRetryPolicy.DEFAULT_BASE);
        }

        public Options(
                Duration holdTtl,
                Duration holdMaxTotal,
                int kiosks,
                Duration sweepInterval,
                int poolSize,
                Duration paymentTimeout,
                MailSettings mail) {
            this(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    ServerConfig.SSE_HEARTBEAT);
        }

        public static Options defaults() {
            return new Options(
                    Duration.ofMinutes(8),
                    Duration.ofMinutes(20),
                    4,
                    Duration.ofSeconds(5),
                    8,
                    Duration.ofSeconds(2),
                    null);
        }

        public Options mailVia(MailSettings settings) {
            return new Options(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    settings,
                    sseHeartbeat,
                    refundRetryBase);
        }

        public Options sweepEvery(Duration interval) {
            return new Options(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    interval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    sseHeartbeat,
                    refundRetryBase);
        }

        public Options holdTtl(Duration ttl, Duration maxTotal) {
            return new Options(
                    ttl,
                    maxTotal,
                    kiosks,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    sseHeartbeat,
                    refundRetryBase);
        }

        public Options kiosks(int count) {
            return new Options(
                    holdTtl,
                    holdMaxTotal,
                    count,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    sseHeartbeat,
                    refundRetryBase);
        }

        /** Comments on idle live-event streams this often. */
        public Options heartbeatEvery(Duration interval) {
            return new Options(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    sweepInterval,
                    poolSize,
                    paymentTimeout,
                    mail,
                    interval,
                    refundRetryBase);
        }

        /** Tries a refused card refund again after {@code base}, then after twice as long each time (DESIGN §7.3). */
        public Options refundRetryEvery(Duration base) {
            return new Options(
                    holdTtl, holdMaxTotal, kiosks, sweepInterval, poolSize, paymentTimeout, mail, sseHeartbeat, base);
        }

        /** A sweep interval so long that no sweep happens during a test: correctness must not need it. */
        public Options withoutSweeper() {
            return new Options(
                    holdTtl,
                    holdMaxTotal,
                    kiosks,
                    Duration.ofHours(1),
                    poolSize,
                    paymentTimeout,
                    mail,
                    sseHeartbeat,
                    refundRetryBase);
        }
    }

    public static TestServer start(String name, Options options) {
        return startOn(TestPostgres.newDatabase(name), options);
    }

    /** A server on a new database whose configuration {@code adjust} changes (a shorter guess limit, say). */
    public static TestServer start(String name, Options options, UnaryOperator<ServerConfig> adjust) {
        String jdbcUrl = TestPostgres.newDatabase(name);
        var settings = new DatabaseSettings(jdbcUrl, "postgres", "postgres", DATA_DIR, options.poolSize());
        return new TestServer(MarqueeServer.start(adjust.apply(config(settings, options))), jdbcUrl);
    }

    /** Another server instance on an existing database, as a second instance behind a load balancer would be. */
    public static TestServer startOn(String jdbcUrl, Options options) {
        return startWith(new DatabaseSettings(jdbcUrl, "postgres", "postgres", DATA_DIR, options.poolSize()), options);
    }

    /** A server on the database {@code settings} name, as an operator configures it (credentials, timeouts). */
    public static TestServer startWith(DatabaseSettings settings, Options options) {
        return new TestServer(MarqueeServer.start(config(settings, options)), settings.jdbcUrl());
    }

    private static ServerConfig config(DatabaseSettings settings, Options options) {
        return new ServerConfig(
                        "127.0.0.1",
                        0,
                        settings,
                        true,
                        options.kiosks(),
                        HoldPolicy.of(options.holdTtl(), options.holdMaxTotal()),
                        options.sweepInterval(),
                        options.paymentTimeout(),
                        options.mail(),
                        options.sseHeartbeat())
                .withRefundRetryBase(options.refundRetryBase());
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public MarqueeServer server() {
        return server;
    }

    public ApiClient client(String token) {
        return new ApiClient(URI.create("http://127.0.0.1:" + server.port()), token);
    }

    public ApiClient kiosk(int number) {
        return client("demo-kiosk-" + number);
    }

    public ApiClient counter() {
        return client(DemoFixture.COUNTER_TERMINAL);
    }

    /** A manager's session (demo manager {@code morgan}) on the demo counter terminal. */
    public ApiClient manager() {
        return client(signIn("morgan", "9999"));
    }

    /** A clerk's session (demo clerk {@code alice}) on the demo counter terminal. */
    public ApiClient clerk() {
        return client(signIn("alice", "1234"));
    }

    /** Signs a staff member in on the demo counter terminal and gives the session's token. */
    public String signIn(String username, String pin) {
        ApiClient.Answer answer =
                counter().post("/sessions", "{\"username\":\"" + username + "\",\"pin\":\"" + pin + "\"}");
        if (answer.status() != 201) {
            throw new IllegalStateException(
                    "Sign-in of " + username + " failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().path("token").asText();
    }

    /**
     * Sets every theater's single-seat rule (DESIGN §8; the default is {@code KIOSK}). For tests about something else
     * that hold seats one by one from kiosks: call it before the first hold, as theaters' settings are cached for a
     * few seconds once read.
     */
    public TestServer singleSeatRule(String rule) {
        jdbi().useHandle(h -> h.createUpdate("update theaters set single_seat_rule = :rule")
                .bind("rule", rule)
                .execute());
        return this;
    }

    /** Sets one theater's single-seat rule, as {@link #singleSeatRule(String)} does for all. */
    public TestServer singleSeatRule(long theaterId, String rule) {
        jdbi().useHandle(h -> h.createUpdate("update theaters set single_seat_rule = :rule where id = :id")
                .bind("rule", rule)
                .bind("id", theaterId)
                .execute());
        return this;
    }

    /** Direct database access, for tests that check what the API cannot show. */
    public Jdbi jdbi() {
        return Jdbi.create(jdbcUrl, "postgres", "postgres");
    }

    /** The id of tomorrow's first showtime in the big hall (Sala 1 of the first theater): 307 sellable seats. */
    public long bigHallShowtime() {
        return showtimes(1, LocalDate.now(DemoFixture.ZONE).plusDays(1)).stream()
                .filter(s -> s.path("auditorium").path("name").asText().equals("Sala 1"))
                .mapToLong(s -> s.path("id").asLong())
                .findFirst()
                .orElseThrow();
    }

    /** A new showtime in the big hall (Sala 1 of theater 1), starting at {@code startsAt}. */
    public long bigHallShowtimeAt(Instant startsAt) {
        return jdbi().withHandle(h -> h.createQuery("""
                        insert into showtimes (movie_id, auditorium_id, starts_at, format)
                        select (select min(id) from movies), a.id, :at, '2D'
                          from auditoriums a where a.theater_id = 1 and a.name = 'Sala 1'
                        returning id""")
                .bind("at", Timestamp.from(startsAt))
                .mapTo(Long.class)
                .one());
    }

    /** The seat {@code id} of a seat map as the API answers it. */
    public static JsonNode seatIn(JsonNode map, String id) {
        for (JsonNode seat : map.path("seats")) {
            if (seat.path("id").asText().equals(id)) {
                return seat;
            }
        }
        throw new AssertionError("no seat " + id + " in the map");
    }

    /** The seats of the showtime that are free now and that anyone may take (standard and premium), in map order. */
    public List<String> freeOrdinarySeats(long showtimeId) {
        List<String> seats = new ArrayList<>();
        kiosk(1).get("/showtimes/" + showtimeId + "/seats").json().path("seats").forEach(seat -> {
            if (seat.path("status").asText().equals("AVAILABLE")
                    && List.of("STANDARD", "PREMIUM").contains(seat.path("type").asText())) {
                seats.add(seat.path("id").asText());
            }
        });
        return seats;
    }

    public List<JsonNode> showtimes(long theaterId, LocalDate date) {
        List<JsonNode> list = new ArrayList<>();
        kiosk(1).get("/theaters/" + theaterId + "/showtimes?date=" + date)
                .json()
                .forEach(list::add);
        return list;
    }

    @Override
    public void close() {
        server.close();
    }
}
