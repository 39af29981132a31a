package org.marquee.server.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Scraped;
import org.marquee.server.testing.TestServer;
import org.marquee.server.testing.TwoInstances;

/**
 * {@code GET /showtimes/{id}/seats} answered from memory while the seat listener is healthy (decision 0029), on two
 * instances sharing one PostgreSQL: reads that ask PostgreSQL nothing, a change through the other instance seen within
 * the bound, a change that nobody announced seen within the lease, and the fall-back to the database while the
 * listener is cut, then the return to memory. Where a read was answered from is what the server counts in
 * {@code marquee_seatmap_reads_total{source=…}} on {@code GET /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatMapFromMemoryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private TwoInstances servers;
    private TestServer a;
    private TestServer b;
    private long showtime;

    @BeforeAll
    void start() {
        servers = TwoInstances.start("seatmap_from_memory");
        a = servers.a();
        b = servers.b();
        showtime = servers.showtime();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @Test
    void repeatedReadsAreAnsweredFromMemoryAndAgreeWithTheDatabase() {
        awaitReadFromMemory(a);
        long[] before = reads(a);
        String version = null;
        for (int i = 0; i < 200; i++) {
            Answer answer = version == null
                    ? a.kiosk(1).get(path())
                    : a.kiosk(1).get(path(), "If-None-Match", "\"" + version + "\"");
            assertThat(answer.status()).isIn(200, 304);
            if (answer.status() == 200) {
                version = answer.json().path("version").asText();
            }
            assertThat(answer.header("ETag")).isEqualTo("\"" + version + "\"");
        }
        long[] after = reads(a);
        long fromMemory = after[0] - before[0];
        long fromDatabase = after[1] - before[1];
        System.out.printf(
                "SeatMapFromMemoryTest: 200 reads, %d from memory, %d from the database%n", fromMemory, fromDatabase);
        assertThat(fromMemory + fromDatabase).isEqualTo(200);
        assertThat(fromMemory)
                .as("reads answered without PostgreSQL (only a lease renewal or a late heartbeat asks it)")
                .isGreaterThanOrEqualTo(100);
        assertThat(seatMap(a)).as("the map from memory is the database's").isEqualTo(seatMap(b));
    }

    @Test
    void aHoldThroughTheOtherInstanceShowsInThisInstancesMapWithinTheNotificationBound() {
        String seat = servers.nextFreeSeat();
        awaitReadFromMemory(a);
        Answer hold = b.kiosk(2).post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(hold.status()).isEqualTo(201);
        long answered = System.nanoTime();
        String first = statusOf(seatMap(a), seat);
        long seenAfter = awaitStatus(a, seat, "HELD");
        System.out.printf(
                "SeatMapFromMemoryTest: hold through B, first read on A right after B's answer: %s; HELD on A after"
                        + " %d ms%n",
                first, (seenAfter - answered) / 1_000_000);
        assertThat(first).isIn("AVAILABLE", "HELD");
        // on the instance that took it, the hold shows in the very next read (its own change, seen at once)
        assertThat(statusOf(seatMap(b), seat)).isEqualTo("HELD");
        assertThat(b.kiosk(2)
                        .delete("/holds/" + hold.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
        assertThat(statusOf(seatMap(b), seat)).isEqualTo("AVAILABLE");
        awaitStatus(a, seat, "AVAILABLE");
    }

    @Test
    void thisInstancesOwnNotificationDoesNotUntrustWhatItReadAfterItsChange() throws InterruptedException {
        // the change tells this instance's trust at once; its notification comes back ~100 ms later and says nothing
        // new, so a map read after the change still answers from memory once that echo has passed (decision 0030)
        int fromMemoryAfterEcho = 0;
        for (int attempt = 0; attempt < 5 && fromMemoryAfterEcho == 0; attempt++) {
            String seat = servers.nextFreeSeat();
            awaitReadFromMemory(a);
            Answer hold = a.kiosk(4).post("/holds", holdBody(showtime, List.of(seat)));
            assertThat(hold.status()).isEqualTo(201);
            assertThat(statusOf(seatMap(a), seat)).isEqualTo("HELD");
            Thread.sleep(400);
            long before = reads(a)[0];
            assertThat(statusOf(seatMap(a), seat)).isEqualTo("HELD");
            if (reads(a)[0] > before) {
                fromMemoryAfterEcho++;
            }
            assertThat(a.kiosk(4)
                            .delete("/holds/" + hold.json().path("holdId").asText())
                            .status())
                    .isEqualTo(204);
        }
        assertThat(fromMemoryAfterEcho)
                .as("a read 400 ms after this instance's own change, answered from memory")
                .isPositive();
    }

    @Test
    void aChangeThatNoInstanceAnnouncedShowsWhenTheLeaseRunsOut() {
        String seat = servers.nextFreeSeat();
        awaitReadFromMemory(a);
        // as if an instance had committed and crashed before its notification: a seat gone, and no NOTIFY at all
        goneWithoutNotice(seat, nextVersion());
        long written = System.nanoTime();
        long seen = awaitStatus(a, seat, "BLOCKED");
        System.out.printf(
                "SeatMapFromMemoryTest: an unannounced change seen after %d ms (lease %d ms)%n",
                (seen - written) / 1_000_000, SnapshotTrust.LEASE.toMillis());
    }

    @Test
    void aChangeThatCommitsWithALowerVersionThanOneAlreadyReadStillShows() {
        String late = servers.nextFreeSeat();
        String early = servers.nextFreeSeat();
        awaitReadFromMemory(a);
        // a transaction takes its version when its statement runs, and may commit after one that took a higher version
        long lowVersion = nextVersion();
        assertThat(a.kiosk(2).post("/holds", holdBody(showtime, List.of(early))).status())
                .isEqualTo(201);
        awaitStatus(a, early, "HELD");
        long versionSeen = seatMap(a).path("version").asLong();
        // now the first one commits, with its lower version, and (as if its instance crashed) no notification
        goneWithoutNotice(late, lowVersion);
        // the highest version did not move; the seat map must show the change all the same, within the lease
        awaitStatus(a, late, "BLOCKED");
        // and under a new version: a kiosk's ETag (304) and its events go by the version
        assertThat(seatMap(a).path("version").asLong()).isGreaterThan(versionSeen);
    }

    @Test
    void withTheListenerCutReadsAskTheDatabaseAndAreRightThenMemoryServesAgainAfterItReconnects() {
        String seat = servers.nextFreeSeat();
        awaitReadFromMemory(a);
        String database = a.jdbi()
                .withHandle(handle -> handle.createQuery("select current_database()")
                        .mapTo(String.class)
                        .one());
        // a database cannot close its doors from inside: this runs on the server's maintenance database
        String maintenance = a.jdbcUrl().replaceFirst("/" + Pattern.quote(database) + "(\\?|$)", "/postgres$1");
        try (Handle admin = Jdbi.create(maintenance, "postgres", "postgres").open()) {
            try {
                // the listeners cannot come back until connections are allowed again; the pools keep theirs
                admin.execute("alter database \"" + database + "\" with allow_connections false");
                admin.createQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where application_name = 'marquee-seat-listener' and datname = :d")
                        .bind("d", database)
                        .mapTo(Boolean.class)
                        .list();
                awaitReadFromDatabase(a);

                long[] before = reads(a);
                Answer hold = b.kiosk(3).post("/holds", holdBody(showtime, List.of(seat)));
                assertThat(hold.status()).isEqualTo(201);
                assertThat(statusOf(seatMap(a), seat))
                        .as("the other instance's hold, in the first read after its answer")
                        .isEqualTo("HELD");
                for (int i = 0; i < 20; i++) {
                    assertThat(a.kiosk(1).get(path()).status()).isEqualTo(200);
                }
                long[] after = reads(a);
                assertThat(after[0] - before[0])
                        .as("reads from memory while the listener is cut")
                        .isZero();
                assertThat(after[1] - before[1]).as("reads from the database").isEqualTo(21);
                assertThat(b.kiosk(3)
                                .delete("/holds/" + hold.json().path("holdId").asText())
                                .status())
                        .isEqualTo(204);
                assertThat(statusOf(seatMap(a), seat)).isEqualTo("AVAILABLE");
            } finally {
                admin.execute("alter database \"" + database + "\" with allow_connections true");
            }
        }
        awaitReadFromMemory(a);
        assertThat(seatMap(a)).as("memory, back, agrees with the database").isEqualTo(seatMap(b));
    }

    /** A value of the claims' version sequence, as a writer takes it when its statement runs. */
    private long nextVersion() {
        return a.jdbi()
                .withHandle(handle -> handle.createQuery("select nextval('seat_claim_version')")
                        .mapTo(Long.class)
                        .one());
    }

    /** The seat goes out of service under {@code version}, committed with no notification (as if its instance died). */
    private void goneWithoutNotice(String seat, long version) {
        a.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        insert into seat_claims (showtime_id, seat_id, state, version)
                        values (:s, :seat, 'GONE', :version)""")
                        .bind("s", showtime)
                        .bind("seat", seat)
                        .bind("version", version)
                        .execute());
    }

    private String path() {
        return "/showtimes/" + showtime + "/seats";
    }

    private JsonNode seatMap(TestServer server) {
        Answer answer = server.kiosk(1).get(path());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static String statusOf(JsonNode map, String seat) {
        for (JsonNode s : map.path("seats")) {
            if (s.path("id").asText().equals(seat)) {
                return s.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + seat);
    }

    /** Reads until the seat has the status; the time (nanoTime) it was first seen. */
    private long awaitStatus(TestServer server, String seat, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String now = statusOf(seatMap(server), seat);
            if (now.equals(status)) {
                return System.nanoTime();
            }
            assertThat(System.nanoTime()).as(seat + " still " + now).isLessThan(deadline);
            TwoInstances.pause();
        }
    }

    /** Reads until one is answered from memory: the listener is up and its heartbeat came back. */
    private void awaitReadFromMemory(TestServer server) {
        awaitSource(server, 0);
    }

    private void awaitReadFromDatabase(TestServer server) {
        awaitSource(server, 1);
    }

    private void awaitSource(TestServer server, int source) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long before = reads(server)[source];
            seatMap(server);
            if (reads(server)[source] > before) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("a read from " + (source == 0 ? "memory" : "the database"))
                    .isLessThan(deadline);
            TwoInstances.pause();
        }
    }

    /** {from memory, from the database} as the server counts them. */
    private static long[] reads(TestServer server) {
        return new long[] {
            Scraped.counter(server, "marquee_seatmap_reads_total{source=\"memory\"}"),
            Scraped.counter(server, "marquee_seatmap_reads_total{source=\"database\"}")
        };
    }
}
