package org.marquee.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.server.seatmap.SeatMapSnapshot;

/** One showtime's feed on its own: one event shared by every subscriber, encoded once however many write it. */
class SeatFeedTest {

    private static final class Recording implements SeatEventSink {
        final List<SeatEvent> events = new ArrayList<>();

        @Override
        public void send(SeatEvent event) {
            events.add(event);
        }
    }

    @Test
    void everySubscriberGetsTheSameEventAndItIsEncodedOnce() {
        SeatFeed feed = new SeatFeed(7, 16);
        feed.publish(snapshot(10, SeatStatus.AVAILABLE));
        List<Recording> subscribers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Recording subscriber = new Recording();
            feed.subscribe(subscriber, 10L);
            subscribers.add(subscriber);
        }
        feed.publish(snapshot(11, SeatStatus.HELD));

        SeatEvent first = subscribers.getFirst().events.getFirst();
        assertThat(first.name()).isEqualTo("seats");
        assertThat(first.id()).isEqualTo(11);
        assertThat(((SeatChanges) first.data()).changes()).hasSize(1);
        AtomicInteger encodings = new AtomicInteger();
        for (Recording subscriber : subscribers) {
            assertThat(subscriber.events).hasSize(1);
            assertThat(subscriber.events.getFirst()).isSameAs(first);
            byte[] bytes = subscriber.events.getFirst().encoded(event -> {
                encodings.incrementAndGet();
                return ("id: " + event.id()).getBytes(StandardCharsets.UTF_8);
            });
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("id: 11");
        }
        assertThat(encodings).hasValue(1);
    }

    @Test
    void aSubscriberThatThrowsIsDroppedAndTheOthersStillGetTheEvent() {
        SeatFeed feed = new SeatFeed(7, 16);
        feed.publish(snapshot(10, SeatStatus.AVAILABLE));
        Recording kept = new Recording();
        feed.subscribe(
                event -> {
                    throw new IllegalStateException("gone");
                },
                10L);
        feed.subscribe(kept, 10L);
        feed.publish(snapshot(11, SeatStatus.HELD));
        assertThat(kept.events).hasSize(1);
        assertThat(feed.unsubscribe(kept)).as("no subscriber left").isTrue();
    }

    private static SeatMapSnapshot snapshot(long version, SeatStatus a1) {
        return new SeatMapSnapshot(
                new SeatMap(
                        7,
                        version,
                        List.of(
                                new SeatView("A1", "A", 1, 0, 0, SeatType.STANDARD, a1),
                                new SeatView("A2", "A", 2, 1, 0, SeatType.STANDARD, SeatStatus.AVAILABLE))),
                null);
    }
}
