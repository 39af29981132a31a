package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Scraped;
import org.marquee.server.testing.TestServer;
import org.marquee.server.testing.TwoInstances;

/**
 * Refusals from memory (decision 0030), on two instances sharing one PostgreSQL: a seat the trusted seat map shows taken
 * by another terminal is refused without the database and with the database's answer; a terminal's own seats, and
 * seats this instance freed, are never refused from memory; a seat freed through the other instance is granted once
 * the notification arrives; and memory never grants: a seat taken without any announcement is still refused. Where a
 * refusal came from is what the server counts in {@code marquee_holds_refused_memory_total}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsFromMemoryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String FROM_MEMORY = "marquee_holds_refused_memory_total";

    private TwoInstances servers;
    private TestServer a;
    private TestServer b;
    private long showtime;

    @BeforeAll
    void start() {
        servers = TwoInstances.start("refusals_from_memory");
        a = servers.a();
        b = servers.b();
        showtime = servers.showtime();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    @Test
    void aSeatAnotherTerminalHoldsIsRefusedFromMemoryWithTheDatabasesAnswer() {
        String held = servers.nextFreeSeat();
        String free = servers.nextFreeSeat();
        Answer first = a.kiosk(1).post("/holds", holdBody(showtime, List.of(held)));
        assertThat(first.status()).isEqualTo(201);

        // the database's answer, while nothing is trusted yet (the hold just changed the showtime)
        long before = Scraped.counter(a, FROM_MEMORY);
        Answer fromDatabase = a.kiosk(2).post("/holds", holdBody(showtime, List.of(held, free)));
        assertThat(Scraped.counter(a, FROM_MEMORY)).isEqualTo(before);

        Answer fromMemory = awaitRefusalFromMemory(a.kiosk(2).token(), List.of(held, free));
        assertThat(fromMemory.status()).isEqualTo(409);
        assertThat(fromMemory.errorCode()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(fromMemory.seatIds()).containsExactly(held);
        assertThat(fromMemory.json().path("error").path("message").asText())
                .isEqualTo(fromDatabase.json().path("error").path("message").asText())
                .isEqualTo("Seat " + held + " was just taken by someone else. Please choose another.");
        assertThat(fromMemory.json().path("error").path("details"))
                .isEqualTo(fromDatabase.json().path("error").path("details"));
        assertThat(a.kiosk(2)
                        .get("/holds/" + first.json().path("holdId").asText())
                        .status())
                .as("nothing of the other terminal's hold was touched")
                .isEqualTo(403);
        assertThat(a.kiosk(1)
                        .delete("/holds/" + first.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aTerminalsOwnSeatsAreNeverRefusedFromMemory() {
        String mine = servers.nextFreeSeat();
        String next = servers.nextFreeSeat();
        Answer first = a.kiosk(3).post("/holds", holdBody(showtime, List.of(mine)));
        assertThat(first.status()).isEqualTo(201);
        awaitRefusalFromMemory(a.kiosk(4).token(), List.of(mine));

        long before = Scraped.counter(a, FROM_MEMORY);
        Answer again = a.kiosk(3).post("/holds", holdBody(showtime, List.of(mine, next)));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("seatIds").toString()).contains(mine, next);
        assertThat(Scraped.counter(a, FROM_MEMORY)).isEqualTo(before);
        release(a, 3, again);
    }

    @Test
    void aSeatFreedOnThisInstanceIsGrantedInTheVeryNextRequest() {
        String seat = servers.nextFreeSeat();
        Answer held = a.kiosk(5).post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(held.status()).isEqualTo(201);
        awaitRefusalFromMemory(a.kiosk(6).token(), List.of(seat));

        release(a, 5, held);
        Answer taken = a.kiosk(6).post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        release(a, 6, taken);
    }

    @Test
    void aSeatFreedThroughTheOtherInstanceIsGrantedOnceItsNotificationArrives() {
        String seat = servers.nextFreeSeat();
        Answer held = b.kiosk(7).post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(held.status()).isEqualTo(201);
        awaitRefusalFromMemory(a.kiosk(8).token(), List.of(seat));

        release(b, 7, held);
        long released = System.nanoTime();
        long deadline = released + WAIT.toNanos();
        int refusals = 0;
        Answer answer;
        while ((answer = a.kiosk(8).post("/holds", holdBody(showtime, List.of(seat)))).status() == 409) {
            refusals++;
            assertThat(System.nanoTime())
                    .as("still refused after " + refusals + " tries")
                    .isLessThan(deadline);
            TwoInstances.pause();
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        System.out.printf(
                "RefusalsFromMemoryTest: a seat freed through B granted on A after %d ms (%d refusals before)%n",
                (System.nanoTime() - released) / 1_000_000, refusals);
        release(a, 8, answer);
    }

    @Test
    void memoryNeverGrantsASeatTakenWithoutAnnouncement() {
        String seat = servers.nextFreeSeat();
        String other = servers.nextFreeSeat();
        Answer held = a.kiosk(1).post("/holds", holdBody(showtime, List.of(other)));
        assertThat(held.status()).isEqualTo(201);
        awaitRefusalFromMemory(a.kiosk(2).token(), List.of(other));
        // as if an instance had committed and crashed before its notification: the seat gone, no NOTIFY at all
        a.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        insert into seat_claims (showtime_id, seat_id, state, version)
                        values (:s, :seat, 'GONE', nextval('seat_claim_version'))""")
                        .bind("s", showtime)
                        .bind("seat", seat)
                        .execute());
        // the trusted snapshot still shows the seat free: the request goes on to PostgreSQL, which refuses it
        long before = Scraped.counter(a, FROM_MEMORY);
        Answer refused = a.kiosk(2).post("/holds", holdBody(showtime, List.of(seat)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.seatIds()).containsExactly(seat);
        assertThat(Scraped.counter(a, FROM_MEMORY)).isEqualTo(before);
        release(a, 1, held);
    }

    /**
     * Asks for the seats until the answer is a refusal from memory: a refusal by PostgreSQL brings the snapshot up to
     * date in the background, and the next one may come from it.
     */
    private Answer awaitRefusalFromMemory(String token, List<String> seats) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long before = Scraped.counter(a, FROM_MEMORY);
            Answer answer = a.client(token).post("/holds", holdBody(showtime, seats));
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            if (Scraped.counter(a, FROM_MEMORY) > before) {
                return answer;
            }
            assertThat(System.nanoTime()).as("a refusal from memory").isLessThan(deadline);
            TwoInstances.pause();
        }
    }

    private static void release(TestServer server, int kiosk, Answer hold) {
        assertThat(server.kiosk(kiosk)
                        .delete("/holds/" + hold.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
    }
}
