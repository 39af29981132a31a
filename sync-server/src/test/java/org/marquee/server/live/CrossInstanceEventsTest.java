package org.marquee.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.live.LiveEvents.WAIT;
import static org.marquee.server.live.LiveEvents.json;
import static org.marquee.server.live.LiveEvents.seatMap;
import static org.marquee.server.live.LiveEvents.statusIn;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.EventStream.Event;
import org.marquee.server.testing.TestServer;

/**
 * {@code GET /showtimes/{id}/events} through real HTTP on two server instances sharing one PostgreSQL: events across
 * instances (LISTEN/NOTIFY), clients moving between instances, and the listener's reconnection.
 * {@link LiveSeatEventsTest} covers the stream on one instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceEventsTest {

    private TestServer a;
    private TestServer b;
    private long showtime;
    private Iterator<String> freeSeats;

    @BeforeAll
    void start() {
        var options = LiveEvents.options();
        a = TestServer.start("cross_instance_events", options);
        // seats are held one by one in row order: the single-seat rule (DESIGN §8) is not the subject here
        a.singleSeatRule("OFF");
        b = TestServer.startOn(a.jdbcUrl(), options);
        showtime = a.bigHallShowtime();
        freeSeats = LiveEvents.freeSeats(a, showtime);
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
    }

    @Test
    void aHoldThroughOneInstanceReachesASubscriberOfTheOtherWithinASecond() {
        String seat = freeSeats.next();
        try (EventStream stream = EventStream.open(b.kiosk(3), showtime, null)) {
            assertThat(stream.next(WAIT).name()).isEqualTo("hello");

            long sent = System.nanoTime();
            Answer hold = a.kiosk(4).post("/holds", holdBody(showtime, List.of(seat)));
            assertThat(hold.status()).isEqualTo(201);
            Event held = stream.next(WAIT, e -> statusIn(e, seat) != null);
            assertThat(held).as("the hold, seen on the other instance").isNotNull();
            assertThat(statusIn(held, seat)).isEqualTo("HELD");
            long millis = (held.receivedNanos() - sent) / 1_000_000;
            System.out.printf("CrossInstanceEventsTest: hold on A seen by a client of B after %d ms%n", millis);
            assertThat(millis).as("latency A→B in ms").isLessThan(1_000);

            long releasing = System.nanoTime();
            assertThat(a.kiosk(4)
                            .delete("/holds/" + hold.json().path("holdId").asText())
                            .status())
                    .isEqualTo(204);
            Event freed = stream.next(WAIT, e -> statusIn(e, seat) != null);
            assertThat(freed).as("the release, seen on the other instance").isNotNull();
            assertThat(statusIn(freed, seat)).isEqualTo("AVAILABLE");
            System.out.printf(
                    "CrossInstanceEventsTest: release on A seen by a client of B after %d ms%n",
                    (freed.receivedNanos() - releasing) / 1_000_000);
        }
    }

    @Test
    void holdsRacingThroughBothInstancesNeverOverlapAndSubscribersEndWithTheServersMap() throws Exception {
        List<String> hot = List.of(freeSeats.next(), freeSeats.next(), freeSeats.next(), freeSeats.next());
        LiveMap onA = LiveMap.follow(a.kiosk(1), showtime, null);
        LiveMap onB = LiveMap.follow(b.kiosk(1), showtime, null);
        long deadline = System.nanoTime() + 3_000_000_000L;
        Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 5; i < 5 + 16; i++) {
                ApiClient client = (i % 2 == 0 ? a : b).kiosk(i);
                runs.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        List<String> wanted = new ArrayList<>(hot);
                        java.util.Collections.shuffle(wanted);
                        Answer answer = client.post(
                                "/holds",
                                holdBody(
                                        showtime,
                                        wanted.subList(
                                                0,
                                                1 + ThreadLocalRandom.current().nextInt(2))));
                        outcomes.merge(answer.status(), 1, Integer::sum);
                        if (answer.status() == 201
                                && ThreadLocalRandom.current().nextBoolean()) {
                            client.delete(
                                    "/holds/" + answer.json().path("holdId").asText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        System.out.printf("CrossInstanceEventsTest: race through two instances: %s%n", outcomes);
        assertThat(outcomes.keySet()).isSubsetOf(201, 409);
        assertThat(outcomes.getOrDefault(201, 0)).isGreaterThan(10);

        List<String> shared = a.jdbi()
                .withHandle(handle -> handle.createQuery("""
                        select seat from holds, unnest(seat_ids) as seat
                         where showtime_id = :s and status = 'ACTIVE' and expires_at > now()
                         group by seat having count(*) > 1""")
                        .bind("s", showtime)
                        .mapTo(String.class)
                        .list());
        assertThat(shared).as("seats in two active holds").isEmpty();
        int unclaimed = a.jdbi()
                .withHandle(handle -> handle.createQuery("""
                        select count(*) from holds h, unnest(h.seat_ids) as seat
                         where h.showtime_id = :s and h.status = 'ACTIVE' and h.expires_at > now()
                           and not exists (select 1 from seat_claims c where c.showtime_id = h.showtime_id
                                            and c.seat_id = seat and c.hold_id = h.id and c.state = 'HELD')""")
                        .bind("s", showtime)
                        .mapTo(Integer.class)
                        .one());
        assertThat(unclaimed).as("seats of active holds not claimed by them").isZero();

        Map<String, String> truth = seatMap(a.kiosk(1), showtime);
        onA.settle(truth);
        onB.settle(truth);
        assertThat(onA.seats).isEqualTo(truth);
        assertThat(onB.seats).isEqualTo(truth);
        onA.close();
        onB.close();
    }

    @Test
    void aDroppedClientAndARestartedInstanceBothEndWithTheServersMap() {
        String seat = freeSeats.next();
        String other = freeSeats.next();
        LiveMap client = LiveMap.follow(a.kiosk(1), showtime, null);
        Answer hold = a.kiosk(6).post("/holds", holdBody(showtime, List.of(seat)));
        client.awaitStatus(seat, "HELD");
        client.drop();
        // changes while it is away, through the other instance
        a.kiosk(6).delete("/holds/" + hold.json().path("holdId").asText());
        Answer second = b.kiosk(7).post("/holds", holdBody(showtime, List.of(other)));
        client.reconnect(a.kiosk(1));
        client.settle(seatMap(a.kiosk(1), showtime));
        assertThat(client.seats).isEqualTo(seatMap(a.kiosk(1), showtime));
        client.close();

        // an instance that goes away, and another that starts in its place with no history at all
        TestServer c =
                TestServer.startOn(a.jdbcUrl(), TestServer.Options.defaults().kiosks(24));
        LiveMap onC = LiveMap.follow(c.kiosk(1), showtime, null);
        onC.drop();
        c.close();
        b.kiosk(7).delete("/holds/" + second.json().path("holdId").asText());
        try (TestServer d =
                TestServer.startOn(a.jdbcUrl(), TestServer.Options.defaults().kiosks(24))) {
            String reconnectedWith = onC.lastId;
            onC.reconnect(d.kiosk(1));
            assertThat(onC.lastEvent().name())
                    .as("first answer to Last-Event-ID " + reconnectedWith)
                    .isIn("reload", "seats");
            onC.settle(seatMap(d.kiosk(1), showtime));
            assertThat(onC.seats).isEqualTo(seatMap(d.kiosk(1), showtime));
            assertThat(onC.seats.get(other)).isEqualTo("AVAILABLE");
            onC.close();
        }
    }

    @Test
    void changesMadeWhileTheListenerConnectionWasDownArriveAfterItReconnects() {
        String seat = freeSeats.next();
        try (EventStream stream = EventStream.open(b.kiosk(8), showtime, null)) {
            assertThat(stream.next(WAIT).name()).isEqualTo("hello");
            // both instances lose their LISTEN connection; the hold's notification may well go nowhere
            a.jdbi()
                    .useHandle(handle -> handle.createQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                                    + " where application_name = 'marquee-seat-listener'")
                            .mapTo(Boolean.class)
                            .list());
            Answer hold = a.kiosk(9).post("/holds", holdBody(showtime, List.of(seat)));
            assertThat(hold.status()).isEqualTo(201);
            Event held = stream.next(WAIT, e -> statusIn(e, seat) != null);
            assertThat(held)
                    .as("the hold, seen on the other instance after its listener came back")
                    .isNotNull();
            assertThat(statusIn(held, seat)).isEqualTo("HELD");
            a.kiosk(9).delete("/holds/" + hold.json().path("holdId").asText());
        }
    }

    /** A kiosk's seat map kept current from the stream, the way the kiosk application does it. */
    static final class LiveMap {
        final Map<String, String> seats = new HashMap<>();
        private final long showtime;
        private ApiClient client;
        private EventStream stream;
        private String lastId;
        private Event last;

        private LiveMap(ApiClient client, long showtime) {
            this.client = client;
            this.showtime = showtime;
        }

        static LiveMap follow(ApiClient client, long showtime, String lastId) {
            LiveMap map = new LiveMap(client, showtime);
            map.seats.putAll(seatMap(client, showtime));
            map.lastId = lastId;
            map.stream = EventStream.open(client, showtime, lastId);
            map.take(map.stream.next(WAIT));
            return map;
        }

        void take(Event event) {
            assertThat(event).as("an event").isNotNull();
            last = event;
            switch (event.name()) {
                case "hello", "reload" -> {
                    if (!String.valueOf(lastId).equals(event.id())) {
                        seats.clear();
                        seats.putAll(seatMap(client, showtime));
                    }
                }
                case "seats" ->
                    json(event)
                            .path("changes")
                            .forEach(change -> seats.put(
                                    change.path("seatId").asText(),
                                    change.path("status").asText()));
                default -> throw new AssertionError("unexpected event " + event);
            }
            lastId = event.id();
        }

        Event lastEvent() {
            return last;
        }

        void awaitStatus(String seat, String status) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!status.equals(seats.get(seat)) && System.nanoTime() < deadline) {
                Event event = stream.next(Duration.ofMillis(100));
                if (event != null) {
                    take(event);
                }
            }
            assertThat(seats.get(seat)).as(seat).isEqualTo(status);
        }

        /** Takes events until the map equals {@code truth} or nothing arrives for a while. */
        void settle(Map<String, String> truth) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!seats.equals(truth) && System.nanoTime() < deadline) {
                Event event = stream.next(Duration.ofMillis(200));
                if (event != null) {
                    take(event);
                }
            }
        }

        void drop() {
            stream.close();
        }

        void reconnect(ApiClient to) {
            client = to;
            stream = EventStream.open(to, showtime, lastId);
            Event event = stream.next(Duration.ofSeconds(2));
            if (event != null) {
                take(event);
            }
        }

        void close() {
            stream.close();
        }
    }
}
