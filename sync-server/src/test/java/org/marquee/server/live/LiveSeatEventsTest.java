package org.marquee.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.live.LiveEvents.WAIT;
import static org.marquee.server.live.LiveEvents.json;
import static org.marquee.server.live.LiveEvents.statusIn;
import static org.marquee.server.testing.Bodies.holdBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.EventStream;
import org.marquee.server.testing.EventStream.Event;
import org.marquee.server.testing.TestServer;

/**
 * {@code GET /showtimes/{id}/events} through real HTTP on one server instance: events within the instance, resuming
 * with {@code Last-Event-ID}, reload, heartbeats and unknown showtimes. {@link CrossInstanceEventsTest} covers events
 * across instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSeatEventsTest {

    private TestServer a;
    private long showtime;
    private Iterator<String> freeSeats;

    @BeforeAll
    void start() {
        a = TestServer.start("live_events", LiveEvents.options());
        // seats are held one by one in row order: the single-seat rule (DESIGN §8) is not the subject here
        a.singleSeatRule("OFF");
        showtime = a.bigHallShowtime();
        freeSeats = LiveEvents.freeSeats(a, showtime);
        // move the showtime past its first versions before any stream opens, so that no feed's history reaches back
        // to version 1 and a client resuming from it must reload (as when other tests have run on the showtime first)
        Answer warmUp = a.kiosk(1).post("/holds", holdBody(showtime, List.of(freeSeats.next())));
        assertThat(a.kiosk(1)
                        .delete("/holds/" + warmUp.json().path("holdId").asText())
                        .status())
                .isEqualTo(204);
    }

    @AfterAll
    void stop() {
        a.close();
    }

    @Test
    void aHoldReachesASubscriberOfTheSameInstanceWithTheNewVersionAsItsId() {
        String seat = freeSeats.next();
        try (EventStream stream = EventStream.open(a.kiosk(1), showtime, null)) {
            assertThat(stream.status()).isEqualTo(200);
            Event hello = stream.next(WAIT);
            assertThat(hello.name()).isEqualTo("hello");
            assertThat(json(hello).path("version").asLong()).isEqualTo(hello.version());
            assertThat(json(hello).path("showtimeId").asLong()).isEqualTo(showtime);

            Answer hold = a.kiosk(2).post("/holds", holdBody(showtime, List.of(seat)));
            assertThat(hold.status()).isEqualTo(201);

            Event seats = stream.next(WAIT, e -> statusIn(e, seat) != null);
            assertThat(seats).as("an event naming " + seat).isNotNull();
            assertThat(seats.name()).isEqualTo("seats");
            assertThat(statusIn(seats, seat)).isEqualTo("HELD");
            assertThat(json(seats).path("version").asLong()).isEqualTo(seats.version());
            String etag = a.kiosk(1).get("/showtimes/" + showtime + "/seats").header("ETag");
            assertThat(etag).isEqualTo("\"" + seats.id() + "\"");
            a.kiosk(2).delete("/holds/" + hold.json().path("holdId").asText());
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsTheMissedEventsInOrderOrReload() {
        String first = freeSeats.next();
        String second = freeSeats.next();
        // another kiosk keeps watching, so the instance keeps the showtime's history while this one is away
        try (EventStream watcher = EventStream.open(a.kiosk(2), showtime, null)) {
            assertThat(watcher.next(WAIT).name()).isEqualTo("hello");
            String lastSeen;
            try (EventStream away = EventStream.open(a.kiosk(1), showtime, null)) {
                lastSeen = away.next(WAIT).id();
            }
            Answer hold = a.kiosk(3).post("/holds", holdBody(showtime, List.of(first)));
            String holdId = hold.json().path("holdId").asText();
            Event one = watcher.next(WAIT, e -> statusIn(e, first) != null);
            a.kiosk(3).put("/holds/" + holdId + "/seats", "{\"seatIds\":[\"" + second + "\"]}");
            Event two = watcher.next(WAIT, e -> statusIn(e, second) != null);
            assertThat(List.of(one.name(), two.name())).containsOnly("seats");

            try (EventStream back = EventStream.open(a.kiosk(1), showtime, lastSeen)) {
                List<Event> replayed = new ArrayList<>();
                Event event;
                while ((event = back.next(Duration.ofMillis(500))) != null) {
                    replayed.add(event);
                }
                assertThat(replayed).extracting(Event::name).containsOnly("seats");
                assertThat(replayed).extracting(Event::id).endsWith(two.id()).contains(one.id());
                assertThat(replayed).extracting(Event::version).isSorted();
                assertThat(replayed.getLast().data()).isEqualTo(two.data());
            }
            try (EventStream current = EventStream.open(a.kiosk(1), showtime, two.id())) {
                assertThat(current.next(Duration.ofMillis(500)))
                        .as("nothing to replay")
                        .isNull();
                assertThat(current.ended()).isFalse();
            }
            for (String stale : List.of("1", "not-a-version")) {
                try (EventStream old = EventStream.open(a.kiosk(1), showtime, stale)) {
                    Event reload = old.next(WAIT);
                    assertThat(reload.name()).isEqualTo("reload");
                    assertThat(reload.id()).isEqualTo(two.id());
                    assertThat(json(reload).path("version").asLong()).isEqualTo(two.version());
                }
            }
            a.kiosk(3).delete("/holds/" + holdId);
        }
    }

    @Test
    void idleStreamsGetHeartbeatComments() throws InterruptedException {
        try (EventStream stream = EventStream.open(a.kiosk(1), showtime, null)) {
            assertThat(stream.next(WAIT).name()).isEqualTo("hello");
            Thread.sleep(1_000);
            assertThat(stream.comments()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anUnknownShowtimeIsA404BeforeAnyStream() {
        try (EventStream stream = EventStream.open(a.kiosk(1), 999_999, null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }
}
