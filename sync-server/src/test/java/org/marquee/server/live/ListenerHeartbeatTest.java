package org.marquee.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener's heartbeat (decision 0029), with the channel replaced by a list of what was sent. */
class ListenerHeartbeatTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void healthyOnlyOnceABeatSentWhileListeningCameBackAndUntilItIsOverdue() throws Exception {
        ListenerHeartbeat heartbeat = new ListenerHeartbeat(sent::add, Duration.ofSeconds(2));
        assertThat(heartbeat.getAsBoolean()).as("before listening").isFalse();
        heartbeat.beat();
        heartbeat.listening();
        assertThat(heartbeat.received(sent.getFirst()))
                .as("a beat is never a showtime")
                .isTrue();
        assertThat(heartbeat.getAsBoolean())
                .as("a beat sent before this connection listened proves nothing")
                .isFalse();

        heartbeat.beat();
        assertThat(heartbeat.getAsBoolean()).as("sent, not back yet").isFalse();
        heartbeat.received(sent.getLast());
        assertThat(heartbeat.getAsBoolean()).isTrue();

        Thread.sleep(2_100);
        assertThat(heartbeat.getAsBoolean())
                .as("the newest beat back is too old")
                .isFalse();
    }

    @Test
    void anotherInstancesBeatIsConsumedButProvesNothingAndALostConnectionIsUnhealthyAtOnce() {
        ListenerHeartbeat mine = new ListenerHeartbeat(sent::add, Duration.ofSeconds(5));
        ListenerHeartbeat other = new ListenerHeartbeat(p -> {}, Duration.ofSeconds(5));
        mine.listening();
        other.listening();
        mine.beat();
        assertThat(other.received(sent.getLast())).isTrue();
        assertThat(other.getAsBoolean()).isFalse();
        assertThat(mine.received("12,13")).as("showtime ids are not beats").isFalse();

        mine.received(sent.getLast());
        assertThat(mine.getAsBoolean()).isTrue();
        mine.lost();
        assertThat(mine.getAsBoolean()).isFalse();
        mine.listening();
        assertThat(mine.getAsBoolean()).as("listening again, no beat back yet").isFalse();
    }
}
